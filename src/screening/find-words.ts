import type { WordTable } from './word-table.js';

/**
 * Finds the words of a word table in a text.
 *
 * The text is read as UTF-8 bytes, which JavaScript reads several times faster than the
 * characters of a string. A word is a run of the letters `a-z` and `A-Z` and digits, read in lower
 * case: every word of a catalogue pattern begins at a word boundary (`\b`), so wherever a pattern
 * matches, the words it needs are found. Each word is hashed as it is read and looked up, so the
 * words that no table has cost only the reading.
 */
export interface WordFinder {
  /** Whole words, by the hash of the word. */
  exact: HashTable;
  /** Word beginnings (`word*`), by the hash of their first three letters. */
  prefixes: HashTable;
  keys: FinderKey[];
  /** Scratch space for the text as UTF-8. */
  bytes: Uint8Array;
}

/** A word or beginning of one: an entry of the table. */
interface FinderKey {
  word: string;
  exact: boolean;
  hash: number;
}

/** Keys chained by slot (the low bits of their hash) in typed arrays, quick to probe. */
interface HashTable {
  mask: number;
  /** By slot: the first key's number plus one, or 0 for none. */
  heads: Int32Array;
  /** By key number: the next key's number plus one in the same slot, or 0. */
  next: Int32Array;
  /** By key number: its hash, to rule out most keys of a slot without reading them. */
  hashes: Int32Array;
}

/**
 * A table's words found in a text, in order: row `i` is the entry `entries[i]`, read in the word
 * at `positions[i]` (an offset in the string). A word may give several rows: `police` is the word
 * and begins `pol*`.
 */
export interface FoundWords {
  positions: number[];
  entries: number[];
}

const prefixKeyLength = 3;

export function createWordFinder(table: WordTable): WordFinder {
  const keys = table.entries.map(({ word, exact }) => ({
    word,
    exact,
    hash: hashOf(word, exact ? word.length : prefixKeyLength),
  }));
  return {
    exact: hashTable(keys, (key) => key.exact),
    prefixes: hashTable(keys, (key) => !key.exact),
    keys,
    bytes: new Uint8Array(1024),
  };
}

export function createFoundWords(): FoundWords {
  return { positions: [], entries: [] };
}

function hashTable(keys: readonly FinderKey[], include: (key: FinderKey) => boolean): HashTable {
  // Eight slots a key: most words of a text land in an empty slot.
  let size = 16;
  while (size < keys.length * 8) size *= 2;
  const table = {
    mask: size - 1,
    heads: new Int32Array(size),
    next: new Int32Array(keys.length),
    hashes: Int32Array.from(keys, (key) => key.hash),
  };
  keys.forEach((key, id) => {
    if (!include(key)) return;
    const slot = key.hash & table.mask;
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

/** By byte: the lower-case letter or digit it is, or 0 for anything else. */
const wordCodes = new Uint8Array(256);
for (let code = 0; code < 256; code += 1) {
  const isLower = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  wordCodes[code] = isLower ? code : code >= 0x41 && code <= 0x5a ? code + 0x20 : 0;
}

const encoder = new TextEncoder();

/**
 * Reads `text.slice(start, end)` and puts in `found` (replacing what it held) every word of the
 * finder's table, in order of position.
 */
export function findWords(
  finder: WordFinder,
  text: string,
  start: number,
  end: number,
  found: FoundWords,
): void {
  found.positions.length = 0;
  found.entries.length = 0;
  // A UTF-16 code unit takes at most three bytes; one more follows the text.
  if (finder.bytes.length <= (end - start) * 3)
    finder.bytes = new Uint8Array((end - start) * 3 + 1);
  const { bytes } = finder;
  const length = encoder.encodeInto(text.slice(start, end), bytes).written;
  // A byte that is no letter after the text ends its last word, with no check of the length.
  bytes[length] = 0;
  // The offset in the string of byte `i` is `start + i - extra`: `extra` counts the bytes beyond
  // the first of each character before it, less one for each character of two code units.
  let extra = -start;
  let index = 0;
  while (index < length) {
    const byte = bytes[index] ?? 0;
    let code = wordCodes[byte] ?? 0;
    if (code === 0) {
      if ((byte & 0xc0) === 0x80) extra += 1;
      else if (byte >= 0xf0) extra -= 1;
      index += 1;
      continue;
    }
    const wordStart = index;
    let hash = 0;
    let key = 0;
    do {
      hash = step(hash, code);
      index += 1;
      if (index - wordStart === prefixKeyLength) key = hash;
      code = wordCodes[bytes[index] ?? 0] ?? 0;
    } while (code !== 0);
    const wordLength = index - wordStart;
    const position = wordStart - extra;
    lookUp(finder, finder.exact, hash, wordStart, wordLength, position, found);
    if (wordLength >= prefixKeyLength)
      lookUp(finder, finder.prefixes, key, wordStart, wordLength, position, found);
  }
}

/**
 * Adds a row for every key in the slot for `hash` that the word at byte `start` is (a whole word
 * of the same hash and length) or begins with (a beginning, spelled out). A whole word of another
 * spelling with the same hash would add a row too: rare, and it costs only the running of
 * patterns that then do not match.
 */
function lookUp(
  finder: WordFinder,
  table: HashTable,
  hash: number,
  start: number,
  length: number,
  position: number,
  found: FoundWords,
): void {
  let next = table.heads[hash & table.mask] ?? 0;
  while (next !== 0) {
    const id = next - 1;
    next = table.next[id] ?? 0;
    const key = finder.keys[id];
    if (table.hashes[id] !== hash || !key) continue;
    const isWord = key.exact
      ? key.word.length === length
      : key.word.length <= length && spells(finder.bytes, start, key.word);
    if (isWord) {
      found.positions.push(position);
      found.entries.push(id);
    }
  }
}

function spells(bytes: Uint8Array, start: number, word: string): boolean {
  for (let at = 0; at < word.length; at += 1) {
    if (wordCodes[bytes[start + at] ?? 0] !== word.charCodeAt(at)) return false;
  }
  return true;
}
