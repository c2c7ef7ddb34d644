import { equivalentWordings } from './equivalent-wordings.js';

/** A token of the text as written: a word (with inner hyphens or apostrophes) or one mark. */
export interface RawToken {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly isWord: boolean;
}

/**
 * A token as compared when tracing: words lower-cased, punctuation dropped, and each equivalent
 * wording replaced by one canonical token that remembers which `form` the text used.
 */
export interface CanonicalToken {
  readonly canon: string;
  /** Which form of the equivalent wording the text used, or -1 for a plain word. */
  readonly form: number;
  /** The wording's name when `form` is not -1. */
  readonly wording: string | null;
  readonly start: number;
  readonly end: number;
  /** Index of the first and one past the last raw token it covers. */
  readonly rawStart: number;
  readonly rawEnd: number;
}

const tokenPattern = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Straightens curly quotes, turns no-break spaces into spaces and CRLF into LF, as copying does. */
export function normaliseCopiedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
}

/** Splits text into raw tokens, keeping their positions. */
export function rawTokens(text: string): RawToken[] {
  return [...text.matchAll(tokenPattern)].map((match) => {
    const start = match.index;
    const tokenText = match[0];
    return {
      text: tokenText,
      lower: tokenText.toLowerCase(),
      start,
      end: start + tokenText.length,
      isWord: /^[\p{L}\p{N}]/u.test(tokenText),
    };
  });
}

const wordingsByLength = equivalentWordings
  .flatMap((wording) => wording.forms.map((form, index) => ({ wording, form, index })))
  .sort((a, b) => b.form.length - a.form.length);

/** True when the tokens of a multi-token form are separated only by whitespace (copies rewrap). */
function joinedByWhitespace(text: string, tokens: readonly RawToken[], from: number, to: number) {
  for (let index = from + 1; index < to; index++) {
    const previous = tokens[index - 1];
    const current = tokens[index];
    if (previous === undefined || current === undefined) return false;
    if (!/^\s+$/.test(text.slice(previous.end, current.start))) return false;
  }
  return true;
}

/** Turns raw tokens into the canonical sequence compared when tracing. */
export function canonicalTokens(text: string, tokens: readonly RawToken[]): CanonicalToken[] {
  const result: CanonicalToken[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token === undefined) break;
    const found = wordingsByLength.find(
      ({ form }) =>
        form.every((part, offset) => tokens[index + offset]?.lower === part) &&
        joinedByWhitespace(text, tokens, index, index + form.length),
    );
    if (found !== undefined) {
      const last = tokens[index + found.form.length - 1] ?? token;
      result.push({
        canon: `§${found.wording.name}`,
        form: found.index,
        wording: found.wording.name,
        start: token.start,
        end: last.end,
        rawStart: index,
        rawEnd: index + found.form.length,
      });
      index += found.form.length;
      continue;
    }
    if (token.isWord) {
      result.push({
        canon: token.lower,
        form: -1,
        wording: null,
        start: token.start,
        end: token.end,
        rawStart: index,
        rawEnd: index + 1,
      });
    }
    index += 1;
  }
  return result;
}
