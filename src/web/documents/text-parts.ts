import type { TextSpan } from './text-runs.js';

/** How much of a document's text one page of the website shows at most. */
export interface TextPartLimits {
  /** Characters of text on one part; a longer extracted page is split across parts. */
  maxCharacters: number;
  /** Extracted pages (or pieces of pages) on one part. */
  maxPages: number;
}

/** The limits the document page uses: a part is some tens of kilobytes of HTML at most. */
export const textPartLimits: TextPartLimits = { maxCharacters: 40_000, maxPages: 20 };

/** An extracted page as stored: its place, its number (null for documents without pages), its length. */
export interface StoredPageLength {
  position: number;
  pageNumber: number | null;
  length: number;
}

/** A piece of an extracted page shown on one part: the whole page, or one of its chunks. */
export interface PageChunk {
  position: number;
  /** The page's number as shown ("Page 3"). */
  number: number;
  /** Which chunk of the page this is, from 0, of `chunks`. */
  chunk: number;
  chunks: number;
}

/**
 * Splits a document's text into parts of bounded size, in order: extracted pages go together
 * until a part holds `maxPages` of them or `maxCharacters` of text, and a page longer than
 * `maxCharacters` is cut into chunks of that length, each starting its own part. Every character
 * of every page is on exactly one part. A document without text has no parts.
 */
export function planTextParts(
  pages: readonly StoredPageLength[],
  limits: TextPartLimits,
): PageChunk[][] {
  const parts: PageChunk[][] = [];
  let current: PageChunk[] = [];
  let characters = 0;
  for (const page of pages) {
    const chunks = Math.max(1, Math.ceil(page.length / limits.maxCharacters));
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      const size = Math.min(limits.maxCharacters, page.length - chunk * limits.maxCharacters);
      if (
        current.length > 0 &&
        (current.length >= limits.maxPages || characters + size > limits.maxCharacters)
      ) {
        parts.push(current);
        current = [];
        characters = 0;
      }
      current.push({ position: page.position, number: numberOf(page), chunk, chunks });
      characters += size;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/**
 * The span of a page's text that a chunk shows. The last chunk runs to the end of the text, so
 * nothing is lost when the stored length and the text's length are counted differently (the
 * database counts characters, JavaScript UTF-16 units).
 */
export function chunkSpan(chunk: PageChunk, textLength: number, maxCharacters: number): TextSpan {
  const start = Math.min(chunk.chunk * maxCharacters, textLength);
  const end =
    chunk.chunk === chunk.chunks - 1
      ? textLength
      : Math.min((chunk.chunk + 1) * maxCharacters, textLength);
  return { start, end };
}

/**
 * The part (numbered from 1) that shows a place in the text: page `pageNumber` (null for a
 * document without pages, which has one) at string index `offset`; undefined when no part shows
 * that page.
 */
export function partShowing(
  parts: readonly (readonly PageChunk[])[],
  pageNumber: number | null,
  offset: number,
  maxCharacters: number,
): number | undefined {
  const number = pageNumber ?? 1;
  let fallback: number | undefined;
  for (const [index, part] of parts.entries())
    for (const chunk of part) {
      if (chunk.number !== number) continue;
      fallback ??= index + 1;
      const wanted = Math.min(Math.floor(Math.max(0, offset) / maxCharacters), chunk.chunks - 1);
      if (chunk.chunk === wanted) return index + 1;
    }
  return fallback;
}

function numberOf(page: StoredPageLength): number {
  // Findings store the page number they were found on (null for documents without pages, which
  // have one page) and offsets into that page's text.
  return page.pageNumber ?? page.position;
}
