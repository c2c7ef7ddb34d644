import type { PassageWords } from './passage-words.js';

/** How much an outside passage has of a draft passage, and how it was changed. */
export interface PassageSimilarity {
  /** 0..1: 1 when the words are the same words in the same order. */
  similarity: number;
  /** Content words the two share. */
  sharedWords: number;
  /** The outside passage's words occur in the draft passage as they are, one after another. */
  verbatim: boolean;
}

function countShared(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const word of b) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of a) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  return shared;
}

function longestCommonSubsequence(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1)
      row[j] =
        word === b[j - 1]
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, row[j - 1] ?? 0);
    previous = row;
  }
  return previous[b.length] ?? 0;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  return ` ${haystack.join(' ')} `.includes(` ${needle.join(' ')} `);
}

/**
 * Scores how far `outside` reuses `draft`, tolerant of each way a passage is adapted: half from
 * the content words both share (Dice, blind to order, so reordering costs little), a quarter from
 * how much of the outside passage's content is the draft's (so cutting the draft costs little),
 * and a quarter from how much of it keeps the draft's word order (so rewording costs more).
 */
export function passageSimilarity(outside: PassageWords, draft: PassageWords): PassageSimilarity {
  const sharedWords = countShared(outside.content, draft.content);
  const contentTotal = outside.content.length + draft.content.length;
  const dice = contentTotal === 0 ? 0 : (2 * sharedWords) / contentTotal;
  const cover = outside.content.length === 0 ? 0 : sharedWords / outside.content.length;
  const order =
    outside.all.length === 0
      ? 0
      : longestCommonSubsequence(outside.all, draft.all) / outside.all.length;
  return {
    similarity: 0.5 * dice + 0.25 * cover + 0.25 * order,
    sharedWords,
    verbatim: outside.all.length > 0 && containsRun(draft.all, outside.all),
  };
}
