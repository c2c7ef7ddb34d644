import { stemWord } from './stem-word.js';

/** One word, number or symbol of a passage, with where it is and what it reduces to. */
export interface Token {
  /** The characters as written. */
  text: string;
  /** The Porter2 stem of the lower-cased word; a number is its digits. */
  stem: string;
  start: number;
  end: number;
}

const nonAsciiLetter = /[\p{L}\p{M}]/u;
const stems = new Map<string, string>();
const maxCached = 200_000;

/**
 * Splits `text[start, end)` into tokens (offsets are in `text`): words, which may hold inner
 * apostrophes, hyphens and ampersands (don't, self-harm, A&E); numbers, which keep their inner
 * separators (1,136 and 0.05); and the symbols £, $ and %. Everything else separates them.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let at = start;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (isLetter(code, text, at)) {
      let last = at;
      let next = at + 1;
      while (next < end) {
        const inner = text.charCodeAt(next);
        if (isLetter(inner, text, next)) last = next;
        else if (!isJoiner(inner)) break;
        next += 1;
      }
      push(tokens, text, at, last + 1);
      at = last + 1;
    } else if (code >= 0x30 && code <= 0x39) {
      let last = at;
      let next = at + 1;
      while (next < end) {
        const inner = text.charCodeAt(next);
        if (inner >= 0x30 && inner <= 0x39) last = next;
        else if (inner !== 0x2c && inner !== 0x2e) break;
        next += 1;
      }
      push(tokens, text, at, last + 1);
      at = last + 1;
    } else {
      if (code === 0xa3 || code === 0x24 || code === 0x25) push(tokens, text, at, at + 1);
      at += 1;
    }
  }
  return tokens;
}

function push(tokens: Token[], text: string, start: number, end: number): void {
  const word = text.slice(start, end);
  tokens.push({ text: word, stem: normalise(word), start, end });
}

// ASCII letters by range; other letters (accents, other scripts) by their Unicode class.
function isLetter(code: number, text: string, at: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return nonAsciiLetter.test(text[at] ?? '');
}

// Apostrophes, hyphens and the ampersand join letters into one word.
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x26;
}

/** The stem a token or a catalogue term word is compared by (remembered: words recur). */
export function normalise(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = isNumber(word)
      ? word.replace(/,/g, '')
      : stemWord(word.toLowerCase().replace(/’/g, "'"));
    if (stems.size >= maxCached) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** True for a token that is a number (it starts with a digit). */
export function isNumber(word: string): boolean {
  const first = word.charCodeAt(0);
  return first >= 0x30 && first <= 0x39;
}
