/** The formats simwatch can read, detected from content (`image`: PNG, JPEG or TIFF, read by OCR). */
export type DocumentType =
  'pdf' | 'docx' | 'html' | 'text' | 'markdown' | 'email' | 'zip' | 'image';

/** One page of extracted text. `number` is the 1-based page for paged formats, null otherwise. */
export interface ExtractedPage {
  number: number | null;
  text: string;
  /** Present when the text was read from the page's image by OCR (it had no text layer). */
  ocr?: PageOcr;
}

/** How a page's text was read by OCR: the engine (with its version) and its mean confidence. */
export interface PageOcr {
  /** For example `tesseract.js 7.0.0 (eng 4.0.0)` or `tesseract 5.3.0 (Debian)`. */
  engine: string;
  /** The engine's mean word confidence for the page, 0 to 100. */
  confidence: number;
}

/** A non-fatal problem met while extracting, such as a PDF page without a text layer. */
export interface ExtractionWarning {
  code:
    /** A page without a text layer that was not read: OCR was turned off (`--no-ocr`). */
    | 'needs_ocr'
    /** A page without a text layer that OCR could not read (time limit, engine error). */
    | 'ocr_failed'
    | 'repaired'
    | 'type_mismatch'
    | 'unsafe_entry_name'
    | 'encoding_guessed'
    | 'skipped_entry'
    | 'page_limit'
    | 'damaged_page';
  message: string;
  page?: number;
}

/** A document inside another one: an email attachment or an archive member, not yet extracted. */
export interface ChildDocument {
  name: string;
  bytes: Uint8Array;
}

/** What an extractor returns: text by page, warnings, and any child documents to screen separately. */
export interface ExtractedDocument {
  type: DocumentType;
  pages: ExtractedPage[];
  warnings: ExtractionWarning[];
  children: ChildDocument[];
}
