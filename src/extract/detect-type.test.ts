import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { SimwatchError } from '../errors.js';
import { detectType } from './detect-type.js';
import { errorFrom } from './test-support/error-from.js';
import { makeDocx } from './test-support/make-docx.js';
import { makeTextPdf } from './test-support/make-pdf.js';
import { makeZip } from './test-support/make-zip.js';

const text = (value: string) => new Uint8Array(Buffer.from(value));

const email = [
  'Return-Path: <clerk@trust.example>',
  'From: Board Clerk <clerk@trust.example>',
  'To: foi@example.org',
  'Subject: Board minutes',
  'MIME-Version: 1.0',
  '',
  'Please find the minutes attached.',
].join('\r\n');

function randomBinary(): Uint8Array {
  const bytes = randomBytes(4096);
  // A first byte that starts no known format, so only the content's shape decides.
  bytes[0] = 0x01;
  return new Uint8Array(bytes);
}

describe('detectType()', () => {
  it('recognises a PDF by its content whatever the name says', async () => {
    const pdf = await makeTextPdf(['Hello']);
    expect(detectType(pdf, 'scan.bin')).toEqual({ type: 'pdf', warnings: [] });
  });

  it('finds the PDF signature after leading junk within the first kilobyte', async () => {
    const pdf = await makeTextPdf(['Hello']);
    const withJunk = new Uint8Array(Buffer.concat([Buffer.alloc(500, 0x20), pdf]));
    expect(detectType(withJunk, 'minutes.pdf').type).toBe('pdf');
  });

  it('tells a DOCX from a ZIP by its word/document.xml entry', async () => {
    expect(detectType(await makeDocx(['Hello']), 'minutes').type).toBe('docx');
    expect(detectType(await makeZip([{ name: 'a.txt', content: 'Hi' }]), 'bundle').type).toBe(
      'zip',
    );
  });

  it('does not mistake a ZIP holding a file that mentions word/document.xml for a DOCX', async () => {
    const zip = await makeZip([
      { name: 'notes.txt', content: 'see word/document.xml', compress: false },
    ]);
    expect(detectType(zip, 'bundle.zip').type).toBe('zip');
  });

  it('recognises an empty ZIP archive', () => {
    const emptyZip = new Uint8Array(22);
    emptyZip.set([0x50, 0x4b, 0x05, 0x06]);
    expect(detectType(emptyZip, 'empty.zip').type).toBe('zip');
  });

  it('recognises an email by its header block', () => {
    expect(detectType(text(email), 'message').type).toBe('email');
    expect(detectType(text(`From sender Mon Jan  1 00:00:00 2024\n${email}`), 'mbox').type).toBe(
      'email',
    );
  });

  it('does not take "Key: value" lines without email headers for an email', () => {
    expect(detectType(text('Title: Minutes\nAuthor: Clerk\n\nText.'), 'notes').type).toBe('text');
    expect(detectType(text('Subject: one header only\n\nText.'), 'notes').type).toBe('text');
  });

  it('recognises HTML by its doctype, structural tags or density of tags', () => {
    expect(detectType(text('<!DOCTYPE html><p>Hi</p>'), 'page').type).toBe('html');
    expect(detectType(text('\n  <html><body>Hi</body></html>'), 'page').type).toBe('html');
    expect(detectType(text('<div><p>One</p><p>Two</p></div>'), 'fragment').type).toBe('html');
    expect(detectType(text('\ufeff<!DOCTYPE html><p>Hi</p>'), 'page').type).toBe('html');
  });

  it('does not take text that mentions a tag for HTML', () => {
    expect(detectType(text('Use the <html> element at the top.'), 'notes').type).toBe('text');
  });

  it('reads other text as text, or as Markdown when the name ends .md or .markdown', () => {
    expect(detectType(text('# Minutes\n\nText.'), 'notes.txt').type).toBe('text');
    expect(detectType(text('# Minutes\n\nText.'), 'notes.md').type).toBe('markdown');
    expect(detectType(text('# Minutes\n\nText.'), 'NOTES.Markdown').type).toBe('markdown');
  });

  it('accepts UTF-16 text with a byte-order mark and Windows-1252 text', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Minutes', 'utf16le')]);
    expect(detectType(new Uint8Array(utf16), 'notes.txt').type).toBe('text');
    expect(detectType(new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x0a]), 'notes.txt').type).toBe(
      'text',
    );
  });

  it('refuses random bytes as unsupported_type', async () => {
    const error = await errorFrom(() => detectType(randomBinary(), 'blob.bin'));
    expect(error).toBeInstanceOf(SimwatchError);
    expect(error).toMatchObject({
      code: 'unsupported_type',
      message: 'Cannot read "blob.bin": the content is not a format simwatch can read',
    });
  });

  it('detects PNG, JPEG and TIFF scans as images, whatever their names say', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const tiffs = [
      new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0]),
      new Uint8Array([0x4d, 0x4d, 0, 0x2a, 0, 8]),
    ];
    expect(detectType(png, 'scan.png')).toEqual({ type: 'image', warnings: [] });
    expect(detectType(jpeg, 'scan.JPG')).toEqual({ type: 'image', warnings: [] });
    for (const tiff of tiffs) expect(detectType(tiff, 'reply.tif').type).toBe('image');
    expect(detectType(png, 'reply.pdf')).toEqual({
      type: 'image',
      warnings: [
        {
          code: 'type_mismatch',
          message: 'The name says PDF but the content is an image; it was read as an image',
        },
      ],
    });
  });

  it('refuses a file named as an image that holds text', async () => {
    expect(
      await errorFrom(() => detectType(text('Minutes of the Board'), 'scan.png')),
    ).toMatchObject({
      code: 'type_mismatch',
      message:
        'Cannot read "scan.png": the name says image but the content is not a PNG, JPEG or TIFF image',
    });
  });

  it('names common formats it cannot read, such as GIF images and old Word files', async () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]);
    expect(await errorFrom(() => detectType(gif, 'scan.gif'))).toMatchObject({
      code: 'unsupported_type',
      message:
        'Cannot read "scan.gif": it is a GIF image; save it as PNG, JPEG or TIFF to have it read by OCR',
    });
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await errorFrom(() => detectType(ole, 'old.doc'))).toMatchObject({
      code: 'unsupported_type',
    });
  });

  it('refuses a password-protected Office document as encrypted', async () => {
    const ole = Buffer.alloc(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.write('EncryptedPackage', 1024, 'utf16le');
    expect(await errorFrom(() => detectType(new Uint8Array(ole), 'secret.docx'))).toMatchObject({
      code: 'encrypted',
      message: 'Cannot read "secret.docx": the file is encrypted',
    });
  });

  it('refuses an empty or whitespace-only file as empty_file', async () => {
    for (const bytes of [new Uint8Array(0), text(' \n\t\r\n'), text('\ufeff  \n')]) {
      expect(await errorFrom(() => detectType(bytes, 'blank.txt'))).toMatchObject({
        code: 'empty_file',
        message: 'Cannot read "blank.txt": the file is empty',
      });
    }
  });

  it('refuses a text file named .docx as type_mismatch', async () => {
    expect(await errorFrom(() => detectType(text('Just some notes.'), 'x.docx'))).toMatchObject({
      code: 'type_mismatch',
      message: 'Cannot read "x.docx": the name says DOCX but the content is not a ZIP archive',
    });
  });

  it('refuses text or unknown bytes named .pdf or .zip as type_mismatch', async () => {
    expect(await errorFrom(() => detectType(text('notes'), 'minutes.pdf'))).toMatchObject({
      code: 'type_mismatch',
      message: 'Cannot read "minutes.pdf": the name says PDF but the content is not a PDF',
    });
    expect(await errorFrom(() => detectType(randomBinary(), 'bundle.zip'))).toMatchObject({
      code: 'type_mismatch',
    });
  });

  it('reads a recognisable format under the wrong name as what it is, with a warning', async () => {
    const pdf = await makeTextPdf(['Hello']);
    expect(detectType(pdf, 'minutes.docx')).toEqual({
      type: 'pdf',
      warnings: [
        {
          code: 'type_mismatch',
          message: 'The name says DOCX but the content is a PDF; it was read as a PDF',
        },
      ],
    });
    expect(detectType(text('<!doctype html><p>Hi</p>'), 'page.pdf').warnings).toHaveLength(1);
    expect(detectType(pdf, 'notes.txt').warnings[0]?.code).toBe('type_mismatch');
  });

  it('treats a ZIP named .docx as a DOCX, for the DOCX reader to explain what is missing', async () => {
    const zip = await makeZip([{ name: 'a.txt', content: 'Hi' }]);
    expect(detectType(zip, 'minutes.docx')).toEqual({ type: 'docx', warnings: [] });
  });

  it('does not warn when text-like formats disagree with the name', () => {
    expect(detectType(text('<!doctype html><p>Hi</p>'), 'page.txt')).toEqual({
      type: 'html',
      warnings: [],
    });
  });
});
