import { hasUbiquitousWord, type AnchorWords } from './pattern-anchors.js';
import type { FoundWords } from './find-words.js';

/**
 * The words that patterns require, numbered, and the requirements each meets. A `WordFinder`
 * finds them in a page (see `find-words`); each sentence is then scanned from its share of the
 * words found: a scan notes which of the table's words the sentence has. Whether a requirement is
 * met is worked out when first asked, and remembered until the next scan: for a requirement of
 * few words, by looking for its words among those read; for one of many, by looking for the
 * words read among its words.
 */
export interface WordTable {
  /** Every word and beginning, numbered. */
  entries: WordEntry[];
  /**
   * By requirement number: the numbers of the entries of its words; undefined for a requirement
   * that is not checked (see `canBeChecked`), which counts as always met.
   */
  requirementEntries: (number[] | undefined)[];
  /** By requirement of many words: by entry, 1 for its words. */
  memberships: (Uint8Array | undefined)[];
}

interface WordEntry {
  /** In lower case. */
  word: string;
  /** A whole word, or else a beginning (`word*`). */
  exact: boolean;
  /** The numbers of the requirements this word meets. */
  requirements: number[];
}

/** A requirement of more words than this is checked against the words read, not the other way. */
const fewWords = 4;

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
  const memberships = requirementEntries.map((own) => {
    if (!own || own.length <= fewWords) return undefined;
    const members = new Uint8Array(entries.length);
    for (const entry of own) members[entry] = 1;
    return members;
  });
  return { entries, requirementEntries, memberships };
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

/** What a scan found in one stretch of text (a sentence), reused from stretch to stretch. */
export interface WordScan {
  /** Numbers each stretch; an entry or requirement marked with the current stamp was met. */
  stamp: number;
  entryStamps: Float64Array;
  /** The entries read in the stretch, each once. */
  read: number[];
  /** By requirement: the stamp of the stretch in which it was last worked out... */
  checked: Float64Array;
  /** ...and whether it was met then. */
  met: Uint8Array;
}

/** Scratch space for scanning with a table. */
export function createWordScan(table: WordTable): WordScan {
  return {
    stamp: 0,
    entryStamps: new Float64Array(table.entries.length),
    read: [],
    checked: new Float64Array(table.requirementEntries.length),
    met: new Uint8Array(table.requirementEntries.length),
  };
}

/**
 * Records in `scan`, under a new stamp, the words of rows `[from, to)` of `found`: one stretch of
 * the text, such as a sentence.
 */
export function scanWords(found: FoundWords, from: number, to: number, scan: WordScan): void {
  scan.stamp += 1;
  scan.read.length = 0;
  for (let row = from; row < to; row += 1) {
    const id = found.entries[row] ?? 0;
    if (scan.entryStamps[id] === scan.stamp) continue;
    scan.entryStamps[id] = scan.stamp;
    scan.read.push(id);
  }
}

/** Whether the stretch last scanned meets a requirement (has one of its words). */
export function isMet(table: WordTable, scan: WordScan, requirement: number): boolean {
  if (scan.checked[requirement] === scan.stamp) return scan.met[requirement] === 1;
  const entries = table.requirementEntries[requirement];
  if (!entries) return true;
  let met = false;
  const members = table.memberships[requirement];
  if (members) {
    for (const entry of scan.read) {
      if (members[entry] === 1) {
        met = true;
        break;
      }
    }
  } else {
    for (const entry of entries) {
      if (scan.entryStamps[entry] === scan.stamp) {
        met = true;
        break;
      }
    }
  }
  scan.checked[requirement] = scan.stamp;
  scan.met[requirement] = met ? 1 : 0;
  return met;
}

/** The requirements met by an entry read in the last scan (see `WordScan.read`). */
export function requirementsOfEntry(table: WordTable, entry: number): readonly number[] {
  return table.entries[entry]?.requirements ?? [];
}
