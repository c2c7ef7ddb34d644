import * as mupdf from 'mupdf';

import { cannotRead } from './cannot-read.js';
import type { ExtractedDocument, ExtractedPage, ExtractionWarning } from './extracted-document.js';
import type { ExtractionContext } from './extraction-context.js';
import { readPageByOcr } from './read-page-by-ocr.js';

/** The image formats simwatch reads by OCR, by their MIME types. */
export type ImageFormat = 'image/png' | 'image/jpeg' | 'image/tiff';

/**
 * Reads a scanned image (PNG, JPEG, or TIFF, whose pages are the document's pages) by OCR, each
 * page at the image's own resolution. Without a page reader every page is reported as needing OCR.
 */
export async function extractImage(
  bytes: Uint8Array,
  format: ImageFormat,
  context: Pick<ExtractionContext, 'name' | 'limits' | 'readImage'>,
): Promise<ExtractedDocument> {
  mupdf.setLog(null);
  const doc = openImage(bytes, format, context.name);
  try {
    const pageCount = doc.countPages();
    const pagesToRead = Math.min(pageCount, context.limits.maxPdfPages);
    const pages: ExtractedPage[] = [];
    const warnings: ExtractionWarning[] = [];
    for (let index = 0; index < pagesToRead; index++) {
      pages.push(await readImagePage(doc, index, context.readImage, warnings));
    }
    if (pageCount > pagesToRead) {
      const message = `Only the first ${pagesToRead} of ${pageCount} pages were read (the limit is ${context.limits.maxPdfPages} pages)`;
      warnings.push({ code: 'page_limit', message });
    }
    return { type: 'image', pages, warnings, children: [] };
  } catch (error) {
    throw cannotRead('damaged', context.name, `the image is damaged (${describe(error)})`, {
      cause: error,
    });
  } finally {
    doc.destroy();
  }
}

async function readImagePage(
  doc: mupdf.Document,
  index: number,
  read: ExtractionContext['readImage'],
  warnings: ExtractionWarning[],
): Promise<ExtractedPage> {
  const number = index + 1;
  const page = doc.loadPage(index);
  try {
    if (read)
      return await readPageByOcr(page, number, { read, scale: nativeScale(page), warnings });
    const message = `Page ${number} is an image; it needs OCR to be screened`;
    warnings.push({ code: 'needs_ocr', page: number, message });
    return { number, text: '' };
  } finally {
    page.destroy();
  }
}

// Pixels per point that render the page at the image's own resolution, neither blurred nor padded.
function nativeScale(page: mupdf.Page): number {
  const [x0, , x1] = page.getBounds();
  let pixelsWide = 0;
  const structured = page.toStructuredText('preserve-images');
  try {
    structured.walk({
      onImageBlock(_bbox, _transform, image) {
        pixelsWide = Math.max(pixelsWide, image.getWidth());
        image.destroy();
      },
    });
  } finally {
    structured.destroy();
  }
  return pixelsWide > 0 && x1 > x0 ? pixelsWide / (x1 - x0) : 300 / 72;
}

function openImage(bytes: Uint8Array, format: ImageFormat, name: string): mupdf.Document {
  try {
    return mupdf.Document.openDocument(bytes, format);
  } catch (error) {
    throw cannotRead(
      'damaged',
      name,
      `the image is damaged and cannot be opened (${describe(error)})`,
      {
        cause: error,
      },
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
