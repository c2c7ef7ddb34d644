import type { Label } from '../screening/finding.js';
import type { SnippetSegment } from './snippet-segments.js';

/** What a person searched for: the text and the filters that narrow it. */
export interface SearchQuery {
  text: string;
  /** An organisation's code: only its documents. */
  organisation?: string;
  /** Only documents with a confirmed finding of this label. */
  label?: Label;
  /** A document type (`doc_type`), such as `policy`. */
  type?: string;
  /** Only documents dated in this year. */
  year?: number;
  /** Which page of results, from 1. */
  page?: number;
  /** Signed-in users also search documents that are not public, and see snippets unredacted. */
  signedIn?: boolean;
}

/** One document that matched, with its best-matching page. */
export interface SearchResult {
  documentId: number;
  title: string;
  docType: string;
  documentDate: string | null;
  /** False for documents only signed-in users may read. */
  isPublic: boolean;
  organisations: { code: string; name: string }[];
  /** The printed number of the best-matching page (null for documents without pages). */
  pageNumber: number | null;
  /** The best-matching page's position in the document, from 1. */
  position: number;
  /** How OCR read the best-matching page (its text may hold reading errors); null when it had a text layer. */
  ocr: { engine: string; confidence: number | null } | null;
  snippet: SnippetSegment[];
}

/** A page of results and how many documents matched in all. */
export interface SearchResults {
  total: number;
  page: number;
  pageSize: number;
  results: SearchResult[];
}

/** A matching document as an engine returns it, before the snippet is cut and redacted. */
export interface SearchRow {
  documentId: number;
  position: number;
  pageNumber: number | null;
  /** The OCR engine that read the page, and its confidence; null when it had a text layer. */
  ocrEngine: string | null;
  ocrConfidence: number | null;
  title: string;
  docType: string;
  documentDate: string | null;
  /** 1 or 0 (see DocumentsTable.public). */
  public: number;
  /** The snippet with matched words between `highlightStart` and `highlightEnd`. */
  snippet: string;
  /** JSON: `[[code, name], ...]`. */
  organisations: string;
}

/** What an engine returns for one page of a search. */
export interface EngineResults {
  total: number;
  rows: SearchRow[];
}
