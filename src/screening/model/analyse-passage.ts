import type { Span } from '../finding.js';
import { findFrames, type FrameHit, type FrameIndex } from './find-frames.js';
import { tokenize, type Token } from './tokenize.js';

/** A frame found in a sentence, with how the sentence says it. */
export interface SentenceFrame extends FrameHit {
  /** Within a few words after "not", "no", "never" or "without". */
  negated: boolean;
  /** Inside quotation marks. */
  quoted: boolean;
}

/** One sentence read for the model: its words and the frames found in them. */
export interface SentenceAnalysis {
  tokens: Token[];
  frames: SentenceFrame[];
  /** 1 for each frame (by number) found in the sentence. */
  present: Uint8Array;
  hasQuestion: boolean;
  hasQuotation: boolean;
}

/** A frame found in a passage, with the number of its sentence in the passage. */
export interface PassageFrame extends SentenceFrame {
  sentence: number;
}

/** A passage read for the model: its words by sentence and the frames found in them. */
export interface PassageAnalysis {
  /** The tokens of each sentence. */
  sentences: Token[][];
  frames: PassageFrame[];
  hasQuestion: boolean;
  hasQuotation: boolean;
}

// As stems: "never" and "neither" are their own stems, as are the others.
const negators = new Set(['not', 'no', 'never', 'without', 'nor', 'cannot', 'none', 'neither']);
const negationReach = 4;
const quoteMarks = /["“”]/g;

/**
 * Reads one sentence through the frames. `quotes` are the offsets of the quotation marks of its
 * paragraph, so that a quotation running over several sentences is known as one.
 */
export function analyseSentence(
  text: string,
  span: Span,
  index: FrameIndex,
  quotes: readonly number[],
): SentenceAnalysis {
  const tokens = tokenize(text, span.start, span.end);
  const hits = findFrames(tokens, index);
  const negated = hits.length > 0 ? negatedTokens(tokens) : undefined;
  const present = new Uint8Array(index.frames.length);
  for (const hit of hits) present[hit.frame] = 1;
  const frames = hits.map((hit): SentenceFrame => ({
    frame: hit.frame,
    first: hit.first,
    last: hit.last,
    negated: negated?.[hit.first] === 1,
    quoted: quotes.length > 0 && isQuoted(tokens[hit.first]?.start ?? span.start, quotes),
  }));
  return {
    tokens,
    frames,
    present,
    hasQuestion: text.slice(span.start, span.end).includes('?'),
    hasQuotation: quotes.some((offset) => offset >= span.start && offset < span.end),
  };
}

/** A passage made of consecutive analysed sentences. */
export function combineSentences(sentences: readonly SentenceAnalysis[]): PassageAnalysis {
  return {
    sentences: sentences.map((sentence) => sentence.tokens),
    frames: sentences.flatMap((analysis, sentence) =>
      analysis.frames.map((frame): PassageFrame => ({
        frame: frame.frame,
        first: frame.first,
        last: frame.last,
        negated: frame.negated,
        quoted: frame.quoted,
        sentence,
      })),
    ),
    hasQuestion: sentences.some((sentence) => sentence.hasQuestion),
    hasQuotation: sentences.some((sentence) => sentence.hasQuotation),
  };
}

/** Offsets of the quotation marks (straight and curly) in `text[start, end)`, in order. */
export function quoteOffsets(text: string, span: Span): number[] {
  const offsets: number[] = [];
  const part = text.slice(span.start, span.end);
  quoteMarks.lastIndex = 0;
  for (let match = quoteMarks.exec(part); match; match = quoteMarks.exec(part))
    offsets.push(span.start + match.index);
  return offsets;
}

/** 1 for each token within a few words after a negating word (not crossing the clause). */
function negatedTokens(tokens: readonly Token[]): Uint8Array {
  const negated = new Uint8Array(tokens.length);
  tokens.forEach((token, position) => {
    const { stem } = token;
    if (!negators.has(stem) && !stem.endsWith("n't")) return;
    const end = Math.min(tokens.length, position + 1 + negationReach);
    for (let next = position + 1; next < end; next += 1) negated[next] = 1;
  });
  return negated;
}

/** Inside quotation marks: an odd number of marks before it. */
function isQuoted(offset: number, quotes: readonly number[]): boolean {
  let before = 0;
  for (const quote of quotes) {
    if (quote >= offset) break;
    before += 1;
  }
  return before % 2 === 1;
}
