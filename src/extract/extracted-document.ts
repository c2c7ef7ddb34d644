/** The formats simwatch can read, detected from content. */
export type DocumentType = 'pdf' | 'docx' | 'html' | 'text' | 'markdown' | 'email' | 'zip';

/** One page of extracted text. `number` is the 1-based page for paged formats, null otherwise. */
export interface ExtractedPage {
  number: number | null;
  text: string;
}

/** A non-fatal problem met while extracting, such as a PDF page without a text layer. */
export interface ExtractionWarning {
  code:
    | 'needs_ocr'
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
