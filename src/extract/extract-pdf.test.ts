import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';

import { extractPdf } from './extract-pdf.js';
import type { PageReader } from './extraction-context.js';
import { defaultExtractionLimits } from './extraction-limits.js';
import { errorFrom } from './test-support/error-from.js';
import { makePdf, makeTextPdf } from './test-support/make-pdf.js';

const context = (name: string, maxPdfPages = defaultExtractionLimits.maxPdfPages) => ({
  name,
  limits: { maxPdfPages },
});

function makePng(): Buffer {
  const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, 20, 20], false);
  pixmap.clear(128);
  const png = Buffer.from(pixmap.asPNG());
  pixmap.destroy();
  return png;
}

function truncate(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

describe('extractPdf()', () => {
  it('gives each page its number', async () => {
    const pdf = await makeTextPdf(['First page.', 'Second page.', 'Third page.']);
    expect(await extractPdf(pdf, context('minutes.pdf'))).toEqual({
      type: 'pdf',
      pages: [
        { number: 1, text: 'First page.' },
        { number: 2, text: 'Second page.' },
        { number: 3, text: 'Third page.' },
      ],
      warnings: [],
      children: [],
    });
  });

  it('keeps lines and separates blocks with a blank line, without trailing spaces', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('The board met on Tuesday.', 72, 72);
      doc.text('Police attended the panel.', 72, 86);
      doc.text('A separate block further down.', 72, 300);
    });
    const text = (await extractPdf(pdf, context('minutes.pdf'))).pages[0]?.text ?? '';
    expect(text).toBe(
      'The board met on Tuesday.\nPolice attended the panel.\n\nA separate block further down.',
    );
  });

  it('joins words hyphenated at the end of a line', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('The high intensity user pro-', 72, 72);
      doc.text('gramme was discussed.', 72, 86);
    });
    expect((await extractPdf(pdf, context('minutes.pdf'))).pages[0]?.text).toBe(
      'The high intensity user programme was discussed.',
    );
  });

  it('warns that a page without text needs OCR, and says when it holds only images', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('Cover page.');
      doc.addPage();
      doc.rect(72, 72, 200, 100).fill('#333333');
      doc.addPage();
      doc.image(makePng(), 72, 72, { width: 200 });
    });
    const result = await extractPdf(pdf, context('scan.pdf'));
    expect(result.pages.map((page) => page.text)).toEqual(['Cover page.', '', '']);
    expect(result.warnings).toEqual([
      {
        code: 'needs_ocr',
        page: 2,
        message: 'Page 2 has no text layer; it needs OCR to be screened',
      },
      {
        code: 'needs_ocr',
        page: 3,
        message: 'Page 3 has no text layer, only images; it needs OCR to be screened',
      },
    ]);
  });

  it('reads pages without a text layer by OCR when given a page reader, and only those', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('Cover page.');
      doc.addPage();
      doc.image(makePng(), 72, 72, { width: 200 });
    });
    const read: { page: number; png: Uint8Array }[] = [];
    const readImage: PageReader = (png, page) => {
      read.push({ page, png });
      return Promise.resolve({
        text: 'Scan-\nned words.\n\n\n\nEnd. ',
        confidence: 87.25,
        engine: 'fake 1',
      });
    };
    const result = await extractPdf(pdf, { ...context('mixed.pdf'), readImage, ocrDpi: 150 });
    expect(result.pages).toEqual([
      { number: 1, text: 'Cover page.' },
      { number: 2, text: 'Scanned words.\n\nEnd.', ocr: { engine: 'fake 1', confidence: 87.3 } },
    ]);
    expect(result.warnings).toEqual([]);
    expect(read.map((call) => call.page)).toEqual([2]);
    // A Letter page (pdfkit's default, 8.5 inches wide) rendered in grey at 150 dpi.
    const image = new mupdf.Image(read[0]?.png ?? new Uint8Array());
    expect([image.getWidth(), image.getNumberOfComponents()]).toEqual([1275, 1]);
  });

  it('does not start OCR for a blank page, which has nothing to read', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('Cover page.');
      doc.addPage();
    });
    const readImage: PageReader = () => Promise.reject(new Error('OCR should not have been asked'));
    const result = await extractPdf(pdf, { ...context('blank.pdf'), readImage });
    expect(result.pages).toEqual([
      { number: 1, text: 'Cover page.' },
      { number: 2, text: '' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('gives an ocr_failed warning naming the page and the reason when OCR fails', async () => {
    const pdf = await makePdf((doc) => doc.image(makePng(), 72, 72, { width: 200 }));
    const readImage: PageReader = () =>
      Promise.reject(new Error('Cannot read the page by OCR: it took longer than 2 seconds'));
    const result = await extractPdf(pdf, { ...context('scan.pdf'), readImage });
    expect(result.pages).toEqual([{ number: 1, text: '' }]);
    expect(result.warnings).toEqual([
      {
        code: 'ocr_failed',
        page: 1,
        message:
          'Page 1 has no text layer and OCR could not read it: it took longer than 2 seconds',
      },
    ]);
  });

  it('refuses a password-protected PDF as encrypted', async () => {
    const pdf = await makeTextPdf(['Secret.'], { userPassword: 'secret', ownerPassword: 'owner' });
    expect(await errorFrom(() => extractPdf(pdf, context('minutes.pdf')))).toMatchObject({
      code: 'encrypted',
      message: 'Cannot read "minutes.pdf": the file is encrypted',
    });
  });

  it('reads a PDF that only has an owner password, since it opens without one', async () => {
    const pdf = await makeTextPdf(['Readable.'], { ownerPassword: 'owner' });
    expect((await extractPdf(pdf, context('minutes.pdf'))).pages[0]?.text).toBe('Readable.');
  });

  it('recovers the pages of a PDF cut off before its cross-reference table, with a warning', async () => {
    const pdf = await makeTextPdf(['Page one.', 'Page two.']);
    const cut = pdf.subarray(0, Buffer.from(pdf).lastIndexOf('\nxref'));
    const result = await extractPdf(cut, context('cut.pdf'));
    expect(result.pages).toEqual([
      { number: 1, text: 'Page one.' },
      { number: 2, text: 'Page two.' },
    ]);
    expect(result.warnings).toEqual([
      {
        code: 'repaired',
        message: 'The PDF is damaged (perhaps truncated); text was recovered from 2 of 2 pages',
      },
    ]);
  });

  it('refuses a PDF truncated at 60% or 10% as damaged', async () => {
    const pdf = await makeTextPdf(['Page one.', 'Page two.', 'Page three.']);
    for (const fraction of [0.6, 0.1]) {
      const error = await errorFrom(() => extractPdf(truncate(pdf, fraction), context('cut.pdf')));
      expect(error).toMatchObject({ code: 'damaged' });
      expect((error as Error).message).toMatch(/^Cannot read "cut.pdf": the PDF is damaged/);
    }
  });

  it('refuses a PDF that has only a header as damaged', async () => {
    const bytes = new Uint8Array(Buffer.from('%PDF-1.7\nnothing else here\n'));
    expect(await errorFrom(() => extractPdf(bytes, context('broken.pdf')))).toMatchObject({
      code: 'damaged',
    });
  });

  it('reads up to the page limit and warns about the rest', async () => {
    const pdf = await makeTextPdf(['One.', 'Two.', 'Three.']);
    const result = await extractPdf(pdf, context('long.pdf', 2));
    expect(result.pages.map((page) => page.number)).toEqual([1, 2]);
    expect(result.warnings).toEqual([
      {
        code: 'page_limit',
        message: 'Only the first 2 of 3 pages were read (the limit is 2 pages)',
      },
    ]);
  });

  it('reads hundreds of pages a second', async () => {
    const paragraph = 'The Trust board received the quarterly report on services. '.repeat(40);
    const pdf = await makeTextPdf(Array.from({ length: 200 }, () => paragraph));
    const start = performance.now();
    const result = await extractPdf(pdf, context('long.pdf'));
    const seconds = (performance.now() - start) / 1000;
    expect(result.pages).toHaveLength(200);
    // Measured at ~300 pages/s; this bound only catches a slowdown of ten times or more.
    expect(200 / seconds).toBeGreaterThan(30);
  });
});
