import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { extractDocument } from './extract-document.js';
import type { ExtractionContext } from './extraction-context.js';
import { createTestContext } from './test-support/create-test-context.js';
import { errorFrom } from './test-support/error-from.js';
import { makeDocx } from './test-support/make-docx.js';
import { makeTextPdf } from './test-support/make-pdf.js';
import { makeZip } from './test-support/make-zip.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

/** Does what screening does: extracts a document, then each child one level deeper with the same budget. */
async function extractTree(data: Uint8Array, context: ExtractionContext): Promise<string[]> {
  const document = await extractDocument(data, context);
  const texts = document.pages.map((page) => page.text);
  for (const child of document.children) {
    const childContext = { ...context, name: child.name, depth: context.depth + 1 };
    texts.push(...(await extractTree(child.bytes, childContext)));
  }
  return texts;
}

async function nestZips(levels: number): Promise<Uint8Array> {
  let data: Uint8Array = bytes('The innermost minutes.');
  let name = 'minutes.txt';
  for (let level = levels; level >= 1; level--) {
    data = await makeZip([{ name, content: data }]);
    name = `level-${level}.zip`;
  }
  return data;
}

describe('extractDocument()', () => {
  it('chooses the reader by content', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['a.pdf', await makeTextPdf(['PDF text.']), 'pdf'],
      ['a.docx', await makeDocx(['DOCX text.']), 'docx'],
      ['a.html', bytes('<!doctype html><p>HTML text.</p>'), 'html'],
      ['a.txt', bytes('Plain text.'), 'text'],
      ['a.md', bytes('# Markdown text'), 'markdown'],
      ['a.eml', bytes('From: a@example.org\nSubject: Email text\n\nBody.'), 'email'],
      ['a.zip', await makeZip([{ name: 'x.txt', content: 'x' }]), 'zip'],
    ];
    for (const [name, data, type] of cases) {
      expect((await extractDocument(data, createTestContext(name))).type).toBe(type);
    }
  });

  it('keeps the type_mismatch warning from detection', async () => {
    const result = await extractDocument(await makeTextPdf(['Hi.']), createTestContext('a.zip'));
    expect(result.type).toBe('pdf');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['type_mismatch']);
  });

  it('returns children without extracting them', async () => {
    const zip = await makeZip([{ name: 'inner.pdf', content: await makeTextPdf(['Inner.']) }]);
    const result = await extractDocument(zip, createTestContext('bundle.zip'));
    expect(result.children.map((child) => child.name)).toEqual(['inner.pdf']);
  });

  it('reads archives nested up to the depth limit', async () => {
    const texts = await extractTree(await nestZips(10), createTestContext('top.zip'));
    expect(texts).toEqual(['The innermost minutes.']);
  });

  it('refuses archives nested 20 deep as archive_too_deep', async () => {
    const top = await nestZips(20);
    const error = await errorFrom(() => extractTree(top, createTestContext('top.zip')));
    expect(error).toMatchObject({
      code: 'archive_too_deep',
      message:
        'Cannot read "level-11.zip": archives and emails are nested more than 10 levels deep',
    });
  });

  it('counts an email as a level of nesting', async () => {
    const email = bytes('From: a@example.org\nSubject: Deep\n\nBody.');
    const context = { ...createTestContext('deep.eml'), depth: 10 };
    expect(await errorFrom(() => extractDocument(email, context))).toMatchObject({
      code: 'archive_too_deep',
    });
    expect((await extractDocument(bytes('Text.'), context)).type).toBe('text');
  });

  it('refuses an empty file as empty_file', async () => {
    expect(
      await errorFrom(() => extractDocument(new Uint8Array(0), createTestContext('a.txt'))),
    ).toMatchObject({
      code: 'empty_file',
    });
  });

  it('refuses random bytes as unsupported_type', async () => {
    const random = randomBytes(2048);
    random[0] = 0x02;
    const error = await errorFrom(() =>
      extractDocument(new Uint8Array(random), createTestContext('x')),
    );
    expect(error).toMatchObject({ code: 'unsupported_type' });
  });

  it('refuses a text file named .docx as type_mismatch', async () => {
    const error = await errorFrom(() =>
      extractDocument(bytes('Notes.'), createTestContext('x.docx')),
    );
    expect(error).toMatchObject({
      code: 'type_mismatch',
      message: 'Cannot read "x.docx": the name says DOCX but the content is not a ZIP archive',
    });
  });

  it('refuses a ZIP named .docx that has no Word document as damaged', async () => {
    const zip = await makeZip([{ name: 'notes.txt', content: 'Notes.' }]);
    const error = await errorFrom(() => extractDocument(zip, createTestContext('minutes.docx')));
    expect(error).toMatchObject({ code: 'damaged' });
  });
});
