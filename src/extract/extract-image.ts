import * as mupdf from 'mupdf';

import { cannotRead } from './cannot-read.js';
import type { ExtractedDocument, ExtractedPage, ExtractionWarning } from './extracted-document.js';
import type { ExtractionContext } from './extraction-context.js';
import { readPageByOcr } from './read-page-by-ocr.js';

/** The largest image page decoded for OCR: 100 million pixels (A0 at 300 dpi is 140 million). */
export const maxImagePixels = 100_000_000;

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
    if (read) {
      const { scale, width, height } = nativeSize(page);
      if (width * height > maxImagePixels) {
        // Decoding it would take gigabytes: a decompression bomb, or a scan far beyond any paper size.
        const message = `Page ${number} could not be read by OCR: the image is too large (${width} × ${height} pixels; the most is ${maxImagePixels / 1_000_000} million)`;
        warnings.push({ code: 'ocr_failed', page: number, message });
        return { number, text: '' };
      }
      return await readPageByOcr(page, number, { read, scale, warnings });
    }
    const message = `Page ${number} is an image; it needs OCR to be screened`;
    warnings.push({ code: 'needs_ocr', page: number, message });
    return { number, text: '' };
  } finally {
    page.destroy();
  }
}

// The image's size in pixels (read from its header, not decoded), and the pixels per point that
// render the page at that resolution, neither blurred nor padded.
function nativeSize(page: mupdf.Page): { scale: number; width: number; height: number } {
  const [x0, , x1] = page.getBounds();
  let width = 0;
  let height = 0;
  const structured = page.toStructuredText('preserve-images');
  try {
    structured.walk({
      onImageBlock(_bbox, _transform, image) {
        width = Math.max(width, image.getWidth());
        height = Math.max(height, image.getHeight());
        image.destroy();
      },
    });
  } finally {
    structured.destroy();
  }
  return { scale: width > 0 && x1 > x0 ? width / (x1 - x0) : 300 / 72, width, height };
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
