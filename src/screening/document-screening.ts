import type {
  DocumentType,
  ExtractedPage,
  ExtractionWarning,
} from '../extract/extracted-document.js';
import type { ErrorCode } from '../errors.js';
import type { Finding, Label } from './finding.js';

/** The screening of one document (a file, an email attachment or an archive member). */
export interface DocumentScreening {
  /** The path given on the command line, or `parent!/member` for children. */
  path: string;
  /** The path of the containing email or archive, null for top-level files. */
  parent: string | null;
  /** SHA-256 of the bytes, hex; null when the file could not be read. */
  sha256: string | null;
  type: DocumentType | null;
  /** Number of pages (1 for formats without pages, 0 for archives and failures). */
  pages: number;
  /**
   * Pages whose text could not be read, so were not screened: no text layer with OCR off
   * (`needs_ocr`), OCR failed (`ocr_failed`), or damaged (`damaged_page`). A document with unread
   * pages is not known to be clean.
   */
  unreadPages: number;
  /** Pages whose text was read by OCR (their findings carry `ocr`). */
  ocrPages: number;
  /** Labels with at least one finding at or above the threshold. */
  labels: Label[];
  /** Findings at or above the threshold, in document order. */
  findings: Finding[];
  warnings: ExtractionWarning[];
  error: { code: ErrorCode; message: string } | null;
  /** Version of the indicator catalogue that produced the findings. */
  catalogueVersion: string;
}

/** What a document held, kept when it is to be recorded: its bytes and its text by page. */
export interface DocumentContent {
  bytes: Uint8Array;
  pages: ExtractedPage[];
}

/**
 * A screening with, when asked for, the document's content, and how many findings were left out
 * because the document had more than the most one may keep (0 when none were).
 */
export interface ScreenedDocument extends DocumentScreening {
  /** The version of the model that screened it (none when it could not be read). */
  modelVersion?: string;
  content?: DocumentContent;
  findingsOmitted?: number;
}
