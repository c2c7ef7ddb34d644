import { packLists, type PackedLists } from './packed-lists.js';
import { hasUbiquitousWord, type AnchorWords } from './pattern-anchors.js';

/**
 * The words that patterns require, numbered, and the requirements each meets. A `WordFinder`
 * finds them in a page (see `find-words`); a pattern index then marks, sentence by sentence, the
 * requirements that the words found meet (see `pattern-index`).
 */
export interface WordTable {
  /** Every word and beginning, numbered. */
  entries: WordEntry[];
  /**
   * By requirement number: the numbers of the entries of its words; undefined for a requirement
   * that is not checked (see `canBeChecked`), which counts as always met.
   */
  requirementEntries: (number[] | undefined)[];
  /** By entry: the requirements it meets (as in `WordEntry.requirements`), packed. */
  requirementsOfEntry: PackedLists;
}

interface WordEntry {
  /** In lower case. */
  word: string;
  /** A whole word, or else a beginning (`word*`). */
  exact: boolean;
  /** The numbers of the requirements this word meets. */
  requirements: number[];
}

/** Indexes requirements numbered by their position in the list. */
export function buildWordTable(requirements: readonly AnchorWords[]): WordTable {
  const entries: WordEntry[] = [];
  const entryIds = new Map<string, number>();
  const requirementEntries = requirements.map((requirement, id) => {
    if (!canBeChecked(requirement)) return undefined;
    const words = [
      ...[...requirement.exact].map((word) => ({ word, exact: true })),
      ...requirement.prefixes.map((word) => ({ word, exact: false })),
    ];
    const own = new Set<number>();
    for (const { word, exact } of words) {
      const key = `${exact ? '=' : '*'}${word}`;
      let entryId = entryIds.get(key);
      if (entryId === undefined) {
        entryId = entries.length;
        entryIds.set(key, entryId);
        entries.push({ word, exact, requirements: [] });
      }
      if (!own.has(entryId)) entries[entryId]?.requirements.push(id);
      own.add(entryId);
    }
    return [...own];
  });
  return {
    entries,
    requirementEntries,
    requirementsOfEntry: packLists(entries.map((entry) => entry.requirements)),
  };
}

/**
 * Whether a scan can tell if a text meets the requirement: the finder reads words of a-z and
 * digits, and looks up beginnings of at least three letters. A requirement met by a word such as
 * "the" is not worth it: nearly every sentence meets it, and looking up its words would add a
 * row for most words of a text.
 */
export function canBeChecked(requirement: AnchorWords): boolean {
  const word = /^[a-z0-9]+$/;
  return (
    !hasUbiquitousWord(requirement) &&
    [...requirement.exact].every((exact) => word.test(exact)) &&
    requirement.prefixes.every((prefix) => word.test(prefix) && prefix.length >= 3)
  );
}
