import * as mupdf from 'mupdf';

import type { ExtractedPage, ExtractionWarning } from './extracted-document.js';
import type { PageReader } from './extraction-context.js';
import { normalizePdfText } from './normalize-pdf-text.js';

/** The most pixels a page is rendered with for OCR: A3 at 300 dpi, with room to spare. */
export const maxOcrPixels = 20_000_000;

/**
 * Renders a page in grey at `scale` (pixels per point; less when the page would exceed
 * `maxOcrPixels`) and reads it by OCR. A failure is a warning naming the page and why, and the
 * page is returned without text. A page that renders blank (a separator page) has nothing to read
 * and is returned without text or warning, so the engine is not started for it.
 */
export async function readPageByOcr(
  page: mupdf.Page,
  number: number,
  options: { scale: number; read: PageReader; warnings: ExtractionWarning[] },
): Promise<ExtractedPage> {
  let png: Uint8Array | undefined;
  try {
    png = renderGrey(page, options.scale);
  } catch (error) {
    return failed(number, `it could not be rendered (${describe(error)})`, options.warnings);
  }
  if (png === undefined) return { number, text: '' };
  try {
    const result = await options.read(png, number);
    return {
      number,
      text: normalizeOcrText(result.text),
      ocr: { engine: result.engine, confidence: Math.round(result.confidence * 10) / 10 },
    };
  } catch (error) {
    return failed(number, describe(error), options.warnings);
  }
}

/** Tidies OCR text as PDF text is tidied, and joins words hyphenated across a line end. */
export function normalizeOcrText(text: string): string {
  return normalizePdfText(text.replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2'));
}

// The page as a grey PNG, or undefined when no pixel is darker than the palest grey (a blank page).
function renderGrey(page: mupdf.Page, scale: number): Uint8Array | undefined {
  const [x0, y0, x1, y1] = page.getBounds();
  const pixels = (x1 - x0) * (y1 - y0) * scale * scale;
  const capped = pixels > maxOcrPixels ? scale * Math.sqrt(maxOcrPixels / pixels) : scale;
  const pixmap = page.toPixmap(mupdf.Matrix.scale(capped, capped), mupdf.ColorSpace.DeviceGray);
  try {
    return pixmap.getPixels().some((value) => value < 224) ? pixmap.asPNG() : undefined;
  } finally {
    pixmap.destroy();
  }
}

function failed(number: number, reason: string, warnings: ExtractionWarning[]): ExtractedPage {
  const message = `Page ${number} has no text layer and OCR could not read it: ${reason}`;
  warnings.push({ code: 'ocr_failed', page: number, message });
  return { number, text: '' };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // "Cannot read the page by OCR: it took longer than 1 second" reads better as its detail alone.
  return message.replace(/^Cannot read the page by OCR: /, '');
}
