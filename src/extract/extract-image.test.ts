import { afterAll, describe, expect, it } from 'vitest';

import { makeScannedPage } from '../ocr/scanned-pages/make-scanned-page.js';
import { createTesseractJsEngine } from '../ocr/tesseract-js-engine.js';
import { extractDocument } from './extract-document.js';
import type { PageReader } from './extraction-context.js';
import { createArchiveBudget, defaultExtractionLimits } from './extraction-limits.js';
import { encodeJpeg, encodeTiff } from './test-support/encode-tiff.js';

const engine = createTesseractJsEngine();
afterAll(() => engine.close());

const readImage: PageReader = (png) => engine.recognise(png, { timeoutMs: 60_000 });
const context = (name: string, withOcr = true) => ({
  name,
  depth: 0,
  limits: defaultExtractionLimits,
  budget: createArchiveBudget(defaultExtractionLimits),
  ...(withOcr ? { readImage } : {}),
});
const first = 'A police officer attended the ward round on Tuesday.';
const second = 'The care coordinator wrote to the patient afterwards.';

function words(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

describe('extractDocument() on scanned images', () => {
  it('reads a PNG by OCR as a one-page image, marked with the engine and its confidence', async () => {
    const { png } = await makeScannedPage(first);
    const result = await extractDocument(png, context('scan.png'));
    expect(result.type).toBe('image');
    expect(result.warnings).toEqual([]);
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]?.number).toBe(1);
    expect(words(result.pages[0]?.text)).toBe(first);
    expect(result.pages[0]?.ocr?.engine).toBe(engine.name);
    expect(result.pages[0]?.ocr?.confidence).toBeGreaterThan(80);
  }, 60_000);

  it('reads a JPEG by OCR, whatever its name says', async () => {
    const { png } = await makeScannedPage(first);
    const result = await extractDocument(encodeJpeg(png), context('photo.jpeg'));
    expect(result.type).toBe('image');
    expect(words(result.pages[0]?.text)).toBe(first);
  }, 60_000);

  it('reads each page of a multi-page TIFF as a page of its own', async () => {
    const pages = [await makeScannedPage(first), await makeScannedPage(second, { seed: 2 })];
    const tiff = encodeTiff(pages.map((page) => page.png));
    const result = await extractDocument(tiff, context('reply.tif'));
    expect(result.type).toBe('image');
    expect(result.pages.map((page) => [page.number, words(page.text)])).toEqual([
      [1, first],
      [2, second],
    ]);
    expect(result.pages.every((page) => page.ocr !== undefined)).toBe(true);
  }, 120_000);

  it('reports every page of an image as needing OCR when OCR is off', async () => {
    const tiff = encodeTiff([
      (await makeScannedPage(first)).png,
      (await makeScannedPage(second)).png,
    ]);
    const result = await extractDocument(tiff, context('reply.tiff', false));
    expect(result.pages).toEqual([
      { number: 1, text: '' },
      { number: 2, text: '' },
    ]);
    expect(result.warnings).toEqual([
      { code: 'needs_ocr', page: 1, message: 'Page 1 is an image; it needs OCR to be screened' },
      { code: 'needs_ocr', page: 2, message: 'Page 2 is an image; it needs OCR to be screened' },
    ]);
  });

  it('gives an ocr_failed warning naming the page and the reason when OCR cannot read it', async () => {
    const { png } = await makeScannedPage(first);
    const failing: PageReader = () => Promise.reject(new Error('the engine stopped'));
    const result = await extractDocument(png, { ...context('scan.png'), readImage: failing });
    expect(result.pages).toEqual([{ number: 1, text: '' }]);
    expect(result.warnings).toEqual([
      {
        code: 'ocr_failed',
        page: 1,
        message: 'Page 1 has no text layer and OCR could not read it: the engine stopped',
      },
    ]);
  });

  it('refuses a GIF, saying which formats are read by OCR', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    await expect(extractDocument(gif, context('scan.gif'))).rejects.toMatchObject({
      code: 'unsupported_type',
      message:
        'Cannot read "scan.gif": it is a GIF image; save it as PNG, JPEG or TIFF to have it read by OCR',
    });
  });

  it('refuses a truncated image as damaged', async () => {
    const { png } = await makeScannedPage(first);
    await expect(
      extractDocument(png.subarray(0, png.length / 2), context('cut.png')),
    ).rejects.toMatchObject({
      code: 'damaged',
      message: 'Cannot read "cut.png": the image is damaged (premature end of data in png image)',
    });
  });
});
