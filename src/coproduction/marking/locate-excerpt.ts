import { diffArrays } from 'diff';
import type { CanonicalToken } from './marking-tokens.js';

/** Pairs of (excerpt token index, original token index) that the alignment matched. */
export type TokenAlignment = readonly (readonly [number, number])[];

const gramLength = 3;

function gramsOf(tokens: readonly string[]): string[] {
  const grams: string[] = [];
  for (let index = 0; index + gramLength <= tokens.length; index++) {
    grams.push(tokens.slice(index, index + gramLength).join(' '));
  }
  return grams;
}

/**
 * Finds where an excerpt (possibly a little altered) sits in an original text and aligns their
 * tokens word by word: shared three-word sequences vote for an offset, then a diff of the excerpt
 * against that stretch of the original pairs the tokens that agree.
 */
export function locateExcerpt(
  excerpt: readonly CanonicalToken[],
  original: readonly CanonicalToken[],
): TokenAlignment {
  const excerptCanon = excerpt.map((token) => token.canon);
  const originalCanon = original.map((token) => token.canon);
  const positions = new Map<string, number[]>();
  gramsOf(originalCanon).forEach((gram, index) => {
    const list = positions.get(gram);
    if (list === undefined) positions.set(gram, [index]);
    else if (list.length < 50) list.push(index);
  });
  const votes = new Map<number, number>();
  gramsOf(excerptCanon).forEach((gram, index) => {
    for (const position of positions.get(gram) ?? []) {
      const offset = position - index;
      votes.set(offset, (votes.get(offset) ?? 0) + 1);
    }
  });
  let bestOffset = 0;
  let bestVotes = 0;
  for (const [offset, count] of votes) {
    if (count > bestVotes || (count === bestVotes && offset < bestOffset)) {
      bestOffset = offset;
      bestVotes = count;
    }
  }
  if (bestVotes === 0) return [];
  const slack = Math.ceil(excerpt.length / 4) + 5;
  const from = Math.max(0, bestOffset - slack);
  const to = Math.min(original.length, bestOffset + excerpt.length + slack);
  const pairs: (readonly [number, number])[] = [];
  let excerptIndex = 0;
  let originalIndex = from;
  for (const change of diffArrays(excerptCanon, originalCanon.slice(from, to))) {
    if (change.added) originalIndex += change.count;
    else if (change.removed) excerptIndex += change.count;
    else {
      for (let step = 0; step < change.count; step++) {
        pairs.push([excerptIndex + step, originalIndex + step]);
      }
      excerptIndex += change.count;
      originalIndex += change.count;
    }
  }
  return pairs;
}
