import * as mupdf from 'mupdf';

import { cannotRead } from './cannot-read.js';
import type { ExtractedDocument, ExtractedPage, ExtractionWarning } from './extracted-document.js';
import type { ExtractionContext, PageReader } from './extraction-context.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { normalizePdfText } from './normalize-pdf-text.js';
import { readPageByOcr } from './read-page-by-ocr.js';

/**
 * Extracts the text layer of each PDF page, numbered from 1. A page without one is read by OCR
 * when the context has a page reader, and is otherwise reported as needing OCR.
 */
export async function extractPdf(
  bytes: Uint8Array,
  context: { name: string; limits: Pick<ExtractionLimits, 'maxPdfPages'> } & Pick<
    ExtractionContext,
    'readImage' | 'ocrDpi'
  >,
): Promise<ExtractedDocument> {
  const { name } = context;
  // MuPDF reports every repair it makes on stderr; the outcome is reported here as warnings instead.
  mupdf.setLog(null);
  const doc = openPdf(bytes, name);
  try {
    if (doc.needsPassword()) throw cannotRead('encrypted', name, 'the file is encrypted');
    const pageCount = countPages(doc, name);
    const pagesToRead = Math.min(pageCount, context.limits.maxPdfPages);
    const pages: ExtractedPage[] = [];
    const warnings: ExtractionWarning[] = [];
    const ocr = context.readImage && {
      read: context.readImage,
      scale: (context.ocrDpi ?? 300) / 72,
    };
    for (let index = 0; index < pagesToRead; index++) {
      pages.push(await readPage(doc, index, warnings, ocr));
    }
    const withText = pages.filter((page) => page.text !== '').length;
    const unreadable = warnings.filter((warning) => warning.code === 'damaged_page').length;
    const repaired = doc.asPDF()?.wasRepaired() === true;
    if (repaired && withText === 0) {
      throw cannotRead('damaged', name, 'the PDF is damaged and no text could be recovered');
    }
    if (pagesToRead > 0 && unreadable === pagesToRead) {
      throw cannotRead('damaged', name, 'the PDF is damaged and none of its pages could be read');
    }
    if (repaired) {
      const message = `The PDF is damaged (perhaps truncated); text was recovered from ${withText} of ${pageCount} pages`;
      warnings.unshift({ code: 'repaired', message });
    }
    if (pageCount > pagesToRead) {
      const message = `Only the first ${pagesToRead} of ${pageCount} pages were read (the limit is ${context.limits.maxPdfPages} pages)`;
      warnings.push({ code: 'page_limit', message });
    }
    return { type: 'pdf', pages, warnings, children: [] };
  } finally {
    doc.destroy();
  }
}

function openPdf(bytes: Uint8Array, name: string): mupdf.Document {
  try {
    return mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch (error) {
    throw cannotRead(
      'damaged',
      name,
      `the PDF is damaged and cannot be opened (${describe(error)})`,
      {
        cause: error,
      },
    );
  }
}

function countPages(doc: mupdf.Document, name: string): number {
  let count: number;
  try {
    count = doc.countPages();
  } catch (error) {
    throw cannotRead(
      'damaged',
      name,
      `the PDF is damaged and its pages cannot be found (${describe(error)})`,
      {
        cause: error,
      },
    );
  }
  if (count === 0)
    throw cannotRead('damaged', name, 'the PDF is damaged and no pages could be found');
  return count;
}

async function readPage(
  doc: mupdf.Document,
  index: number,
  warnings: ExtractionWarning[],
  ocr: { read: PageReader; scale: number } | undefined,
): Promise<ExtractedPage> {
  const number = index + 1;
  let page: mupdf.Page | undefined;
  let text: string;
  try {
    page = doc.loadPage(index);
    text = readText(page, 'dehyphenate');
  } catch {
    page?.destroy();
    const message = `Page ${number} is damaged and could not be read`;
    warnings.push({ code: 'damaged_page', page: number, message });
    return { number, text: '' };
  }
  try {
    if (text === '' && ocr) return await readPageByOcr(page, number, { ...ocr, warnings });
    if (text === '') {
      const images = hasImages(page) ? ', only images' : '';
      const message = `Page ${number} has no text layer${images}; it needs OCR to be screened`;
      warnings.push({ code: 'needs_ocr', page: number, message });
    }
    return { number, text };
  } catch {
    const message = `Page ${number} is damaged and could not be read`;
    warnings.push({ code: 'damaged_page', page: number, message });
    return { number, text: '' };
  } finally {
    page.destroy();
  }
}

function readText(page: mupdf.Page, options: string): string {
  const structured = page.toStructuredText(options);
  try {
    return normalizePdfText(structured.asText());
  } finally {
    structured.destroy();
  }
}

function hasImages(page: mupdf.Page): boolean {
  const structured = page.toStructuredText('preserve-images');
  try {
    let found = false;
    structured.walk({
      onImageBlock(_bbox, _transform, image) {
        found = true;
        image.destroy();
      },
    });
    return found;
  } finally {
    structured.destroy();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
