import type { ExtractedPage } from '../../extract/extracted-document.js';
import type { DocumentScreening } from '../../screening/document-screening.js';

/** How a document's pages were read: by OCR, or not at all. */
export interface PageReading {
  /** Pages whose text was read from their image by OCR. */
  ocrPages: number;
  /** The mean of the OCR'd pages' confidence (0 to 100), rounded; null when none was OCR'd. */
  ocrConfidence: number | null;
  /** Pages that could not be read: no text layer and OCR off, OCR failed, or damaged. */
  unreadPages: number;
}

/**
 * What the register records and reports of how a document's pages were read: screening's counts
 * of pages read by OCR and of pages not read, and the OCR'd pages' mean confidence.
 */
export function summarisePageReading(
  screening: Pick<DocumentScreening, 'ocrPages' | 'unreadPages'>,
  pages: readonly Pick<ExtractedPage, 'ocr'>[],
): PageReading {
  const confidences = pages.flatMap((page) => (page.ocr ? [page.ocr.confidence] : []));
  return {
    ocrPages: screening.ocrPages,
    ocrConfidence:
      confidences.length === 0
        ? null
        : Math.round(confidences.reduce((sum, value) => sum + value, 0) / confidences.length),
    unreadPages: screening.unreadPages,
  };
}
