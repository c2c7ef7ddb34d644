import { stripMarkdown } from '../../extract/strip-markdown.js';

/** A sentence (or a heading or list item) of a text, with where it lies in the text. */
export interface Passage {
  text: string;
  start: number;
  end: number;
}

// A sentence ends at . ! or ? (with any closing quote or bracket) followed by space and what can
// begin a sentence; a line break that leaves a blank line, a heading or a list item also ends one.
const sentenceEnd = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])/g;

function splitBlock(text: string, offset: number, into: Passage[]): void {
  let from = 0;
  const cut = (to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '')
      into.push({
        text: trimmed,
        start: offset + from + lead,
        end: offset + from + lead + trimmed.length,
      });
    from = to;
  };
  for (const match of text.matchAll(sentenceEnd)) cut(match.index + match[0].length);
  cut(text.length);
}

/**
 * Splits a text into sentences, treating each paragraph, heading and list item as ending one.
 * Markdown markup is removed first (offsets then refer to the text as given only for plain text,
 * which is what the outside text is).
 */
export function splitPassages(text: string, options: { markdown?: boolean } = {}): Passage[] {
  const plain = options.markdown === true ? stripMarkdown(text) : text;
  const passages: Passage[] = [];
  // Blocks: separated by blank lines, or by lines that start a heading or list item.
  const blockBreak = /\n[ \t]*\n\s*|\n(?=[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s))/g;
  let from = 0;
  for (const match of plain.matchAll(blockBreak)) {
    splitBlock(plain.slice(from, match.index), from, passages);
    from = match.index + match[0].length;
  }
  splitBlock(plain.slice(from), from, passages);
  return passages;
}
