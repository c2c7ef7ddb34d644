import type { AnchorWords } from './pattern-anchors.js';

/**
 * The words that patterns require, indexed so that a sentence can be scanned for them character
 * by character without cutting it into strings: the scanner hashes each word as it reads it and
 * looks the hash up, so only words that some pattern needs cost more than a few operations.
 *
 * A scan notes which of the table's words it read, and marks as met the requirements of many
 * words that each word belongs to. Whether a requirement of few words is met is worked out when
 * first asked, by looking for its words among those read, and remembered until the next scan.
 */
export interface WordTable {
  /** Whole words, by the hash of the word. */
  exact: HashTable;
  /** Word beginnings (`word*`), by the hash of their first three letters. */
  prefixes: HashTable;
  /** Every word and beginning, numbered. */
  entries: WordEntry[];
  /**
   * By requirement number: the numbers of the entries of its words; undefined for a requirement
   * that cannot be checked (a beginning of one or two letters), which counts as always met.
   */
  requirementEntries: (number[] | undefined)[];
}

interface WordEntry {
  word: string;
  exact: boolean;
  hash: number;
  /** The numbers of the requirements this word meets. */
  requirements: number[];
  /** Of those, the requirements of many words, marked as met as soon as this word is read. */
  marks: number[];
}

/** A requirement of more words than this is marked as met during the scan. */
const fewWords = 4;

/** Entries chained by slot (the low bits of their hash) in typed arrays, quick to probe. */
interface HashTable {
  mask: number;
  /** By slot: the first entry's number plus one, or 0 for none. */
  heads: Int32Array;
  /** By entry number: the next entry's number plus one in the same slot, or 0. */
  next: Int32Array;
  /** By entry number: its hash, to rule out most entries of a slot without reading them. */
  hashes: Int32Array;
}

const prefixKeyLength = 3;

/** Indexes requirements numbered by their position in the list. */
export function buildWordTable(requirements: readonly AnchorWords[]): WordTable {
  const entries: WordEntry[] = [];
  const entryIds = new Map<string, number>();
  const requirementEntries = requirements.map((requirement, id) => {
    const own = new Set<number>();
    const add = (word: string, exact: boolean): void => {
      const key = `${exact ? '=' : '*'}${word}`;
      let entryId = entryIds.get(key);
      if (entryId === undefined) {
        entryId = entries.length;
        entryIds.set(key, entryId);
        const hashed = exact ? word.length : prefixKeyLength;
        entries.push({ word, exact, hash: hashOf(word, hashed), requirements: [], marks: [] });
      }
      if (!own.has(entryId)) entries[entryId]?.requirements.push(id);
      own.add(entryId);
    };
    for (const word of requirement.exact) add(word, true);
    if (requirement.prefixes.some((prefix) => prefix.length < prefixKeyLength)) return undefined;
    for (const prefix of requirement.prefixes) add(prefix, false);
    return [...own];
  });
  requirementEntries.forEach((own, id) => {
    if (own && own.length > fewWords) for (const entry of own) entries[entry]?.marks.push(id);
  });
  return {
    exact: hashTable(entries, (entry) => entry.exact),
    prefixes: hashTable(entries, (entry) => !entry.exact),
    entries,
    requirementEntries,
  };
}

function hashTable(
  entries: readonly WordEntry[],
  include: (entry: WordEntry) => boolean,
): HashTable {
  // Eight slots an entry: most words of a text land in an empty slot.
  let size = 16;
  while (size < entries.length * 8) size *= 2;
  const table = {
    mask: size - 1,
    heads: new Int32Array(size),
    next: new Int32Array(entries.length),
    hashes: Int32Array.from(entries, (entry) => entry.hash),
  };
  entries.forEach((entry, id) => {
    if (!include(entry)) return;
    const slot = entry.hash & table.mask;
    table.next[id] = table.heads[slot] ?? 0;
    table.heads[slot] = id + 1;
  });
  return table;
}

function hashOf(word: string, length: number): number {
  let hash = 0;
  for (let index = 0; index < length; index += 1) hash = step(hash, word.charCodeAt(index));
  return hash;
}

// Kept within 30 bits so that the engine stores hashes as small integers.
function step(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) & 0x3fffffff;
}

// The characters of a word, as patterns see them: Latin letters (with accents) and digits.
const wordCharacters = new Uint8Array(0x250);
for (let code = 0; code < wordCharacters.length; code += 1) {
  const isWordCharacter =
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code >= 0xc0;
  wordCharacters[code] = isWordCharacter ? 1 : 0;
}

function isWordCharacter(code: number): boolean {
  return code < 0x250 && wordCharacters[code] === 1;
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
 * Reads the words of `lower[start, end)` (the text in lower case, as `lowerCaseOf` gives it) and
 * records in `scan`, under a new stamp, every word and requirement met.
 */
export function scanWords(
  table: WordTable,
  lower: string,
  start: number,
  end: number,
  scan: WordScan,
): void {
  scan.stamp += 1;
  scan.read.length = 0;
  let index = start;
  while (index < end) {
    let code = lower.charCodeAt(index);
    if (!isWordCharacter(code)) {
      index += 1;
      continue;
    }
    const wordStart = index;
    let hash = 0;
    do {
      hash = step(hash, code);
      index += 1;
      code = lower.charCodeAt(index);
    } while (index < end && isWordCharacter(code));
    const length = index - wordStart;
    probe(table, table.exact, hash, lower, wordStart, length, scan);
    if (length >= prefixKeyLength) {
      let key = 0;
      for (let at = wordStart; at < wordStart + prefixKeyLength; at += 1)
        key = step(key, lower.charCodeAt(at));
      probe(table, table.prefixes, key, lower, wordStart, length, scan);
    }
  }
}

/** Records every entry of the slot for `hash` that the word at `wordStart` is or begins with. */
function probe(
  table: WordTable,
  hashes: HashTable,
  hash: number,
  lower: string,
  wordStart: number,
  length: number,
  scan: WordScan,
): void {
  let next = hashes.heads[hash & hashes.mask] ?? 0;
  while (next !== 0) {
    const id = next - 1;
    next = hashes.next[id] ?? 0;
    if (hashes.hashes[id] !== hash) continue;
    const entry = table.entries[id];
    if (
      entry &&
      (entry.exact ? entry.word.length === length : entry.word.length <= length) &&
      lower.startsWith(entry.word, wordStart)
    )
      record(id, entry, scan);
  }
}

function record(id: number, entry: WordEntry, scan: WordScan): void {
  if (scan.entryStamps[id] === scan.stamp) return;
  scan.entryStamps[id] = scan.stamp;
  scan.read.push(id);
  for (const requirement of entry.marks) {
    scan.checked[requirement] = scan.stamp;
    scan.met[requirement] = 1;
  }
}

/** Whether the stretch last scanned meets a requirement (has one of its words). */
export function isMet(table: WordTable, scan: WordScan, requirement: number): boolean {
  if (scan.checked[requirement] === scan.stamp) return scan.met[requirement] === 1;
  const entries = table.requirementEntries[requirement];
  if (!entries) return true;
  // A requirement of many words not marked during the scan is not met.
  if (entries.length > fewWords) return false;
  let met = false;
  for (const entry of entries) {
    if (scan.entryStamps[entry] === scan.stamp) {
      met = true;
      break;
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

/**
 * The text in lower case, character for character (so offsets stay the same): the few characters
 * whose lower case is longer, such as "İ", are left as they are.
 */
export function lowerCaseOf(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return text.replace(/[^\0-\u007f]/g, (character) => {
    const lowered = character.toLowerCase();
    return lowered.length === 1 ? lowered : character;
  });
}
