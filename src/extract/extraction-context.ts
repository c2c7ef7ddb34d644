import type { OcrResult } from '../ocr/ocr-engine.js';
import type { ArchiveBudget, ExtractionLimits } from './extraction-limits.js';

/** Reads the text of one page image (a PNG) by OCR; `page` is 1-based. Rejects when it cannot. */
export type PageReader = (png: Uint8Array, page: number) => Promise<OcrResult>;

/** What an extractor needs to know besides the bytes: the name for messages, nesting depth, limits and the shared budget. */
export interface ExtractionContext {
  /** A label for messages, such as the file name or the entry's name inside its archive. */
  name: string;
  /** 0 for the file given by the user, one more for each archive or email it sits inside. */
  depth: number;
  limits: ExtractionLimits;
  budget: ArchiveBudget;
  /**
   * Reads pages without a text layer, and images, by OCR. Without it such pages are not read
   * (each gets a `needs_ocr` warning).
   */
  readImage?: PageReader;
  /** The resolution PDF pages are rendered at for OCR (default 300 dpi). */
  ocrDpi?: number;
}
