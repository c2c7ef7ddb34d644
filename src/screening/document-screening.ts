import type { DocumentType, ExtractionWarning } from '../extract/extracted-document.js';
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
  /** Labels with at least one finding at or above the threshold. */
  labels: Label[];
  /** Findings at or above the threshold, in document order. */
  findings: Finding[];
  warnings: ExtractionWarning[];
  error: { code: ErrorCode; message: string } | null;
  /** Version of the indicator catalogue that produced the findings. */
  catalogueVersion: string;
}
