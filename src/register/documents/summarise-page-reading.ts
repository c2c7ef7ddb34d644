import type { ExtractedPage, ExtractionWarning } from '../../extract/extracted-document.js';

/** How a document's pages were read: by OCR, or not at all. */
export interface PageReading {
  /** Pages whose text was read from their image by OCR. */
  ocrPages: number;
  /** The mean of the OCR'd pages' confidence (0 to 100), rounded; null when none was OCR'd. */
  ocrConfidence: number | null;
  /** Pages that could not be read: no text layer and OCR off, OCR failed, or damaged. */
  unreadPages: number;
}

/** The warnings that mean a page's text is missing, so the document is not known to be clean. */
export const unreadPageWarnings: readonly ExtractionWarning['code'][] = [
  'needs_ocr',
  'ocr_failed',
  'damaged_page',
];

/**
 * Counts the pages read by OCR and the pages not read. A page named by several warnings counts
 * once; a warning that names no page counts as one page of its own.
 */
export function summarisePageReading(
  pages: readonly Pick<ExtractedPage, 'ocr'>[],
  warnings: readonly ExtractionWarning[],
): PageReading {
  const confidences = pages.flatMap((page) => (page.ocr ? [page.ocr.confidence] : []));
  const unread = warnings.filter((warning) => unreadPageWarnings.includes(warning.code));
  const named = new Set(
    unread.flatMap((warning) => (warning.page === undefined ? [] : [warning.page])),
  );
  const unnamed = unread.filter((warning) => warning.page === undefined).length;
  return {
    ocrPages: confidences.length,
    ocrConfidence:
      confidences.length === 0
        ? null
        : Math.round(confidences.reduce((sum, value) => sum + value, 0) / confidences.length),
    unreadPages: named.size + unnamed,
  };
}
