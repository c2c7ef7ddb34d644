import type { Frame, TermWord } from '../frames.js';
import { isNumber, type Token } from './tokenize.js';

/** A frame found in a run of tokens: `[first, last]` are token numbers, inclusive. */
export interface FrameHit {
  frame: number;
  first: number;
  last: number;
}

/** A frame's term, filed under its first word. */
interface IndexedTerm {
  frame: number;
  words: readonly TermWord[];
}

/** The frames' terms indexed by their first word, for looking them up token by token. */
export interface FrameIndex {
  frames: readonly Frame[];
  byStem: ReadonlyMap<string, readonly IndexedTerm[]>;
  byExact: ReadonlyMap<string, readonly IndexedTerm[]>;
  /** Terms that start with any number (`#`). */
  byNumber: readonly IndexedTerm[];
}

/** Indexes every term of `frames` by its first word. */
export function indexFrames(frames: readonly Frame[]): FrameIndex {
  const byStem = new Map<string, IndexedTerm[]>();
  const byExact = new Map<string, IndexedTerm[]>();
  const byNumber: IndexedTerm[] = [];
  const file = (map: Map<string, IndexedTerm[]>, key: string, term: IndexedTerm) => {
    const list = map.get(key) ?? [];
    list.push(term);
    map.set(key, list);
  };
  frames.forEach((frame, number) => {
    for (const { words } of frame.terms) {
      const first = words[0];
      const term = { frame: number, words };
      if (!first) continue;
      if ('exact' in first) file(byExact, first.exact, term);
      else if ('stem' in first) file(byStem, first.stem, term);
      else byNumber.push(term);
    }
  });
  return { frames, byStem, byExact, byNumber };
}

/** Every term of every frame found in the tokens, longest first at each position. */
export function findFrames(tokens: readonly Token[], index: FrameIndex): FrameHit[] {
  const hits: FrameHit[] = [];
  const findAt = (position: number, list: readonly IndexedTerm[] | undefined) => {
    if (!list) return;
    for (const { frame, words } of list)
      if (matchesAt(tokens, position, words))
        hits.push({ frame, first: position, last: position + words.length - 1 });
  };
  tokens.forEach((token, position) => {
    findAt(position, index.byStem.get(token.stem));
    findAt(position, index.byExact.get(token.text));
    if (isNumber(token.text)) findAt(position, index.byNumber);
  });
  return hits;
}

function matchesAt(
  tokens: readonly Token[],
  position: number,
  words: readonly TermWord[],
): boolean {
  for (let offset = 1; offset < words.length; offset += 1) {
    const token = tokens[position + offset];
    const word = words[offset];
    if (!token || !word) return false;
    if (!wordMatches(word, token)) return false;
  }
  return true;
}

function wordMatches(word: TermWord, token: Token): boolean {
  if ('exact' in word) return token.text === word.exact;
  if ('stem' in word) return token.stem === word.stem;
  return isNumber(token.text);
}
