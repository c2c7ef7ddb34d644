import { assembleModule, type Instruction, type WasmFunction } from './wasm-assembler.js';
import type { WordTable } from './word-table.js';

/**
 * Finds the words of a word table in a text.
 *
 * The text is copied as UTF-8 bytes into the memory of a small WebAssembly function, which reads
 * it faster than the same loop in JavaScript does. A word is a run of the letters `a-z` and
 * `A-Z` and digits, read in lower case: every word of a catalogue pattern begins at a word
 * boundary (`\b`), so wherever a pattern matches, the words it needs are found. Each word is hashed
 * as it is read and looked up in two hash tables (whole words, and beginnings by their first three
 * letters), so the words that no table has cost only the reading.
 */
export interface WordFinder {
  memory: WebAssembly.Memory;
  find: FindFunction;
  layout: MemoryLayout;
  /** The characters read in one call of `find` (see `findWords`). */
  windowChars: number;
}

/** The WebAssembly function: returns the number of rows written, or -1 when they do not fit. */
type FindFunction = (...args: number[]) => number;

/** Where the finder's data sit in its memory, in bytes. */
interface MemoryLayout {
  /** Key records: 5 `i32` each (see `keyRecord`). */
  keys: number;
  exactHeads: number;
  exactMask: number;
  prefixHeads: number;
  prefixMask: number;
  /** The text's bytes from here on, then the rows found. */
  text: number;
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
/** The bytes of one key record: next key's number + 1 in its slot, hash, length, entry, spelling. */
const keyRecord = 20;
const pageSize = 65_536;

/** By byte: the lower-case letter or digit it is, or 0 for anything else. */
const wordCodes = new Uint8Array(256);
for (let code = 0; code < 256; code += 1) {
  const isLower = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  wordCodes[code] = isLower ? code : code >= 0x41 && code <= 0x5a ? code + 0x20 : 0;
}

const finderModule = new WebAssembly.Module(
  assembleModule({ memoryPages: 1, functions: [findFunction()] }),
);

/** About 1.3 MB of the finder's memory holds a window's bytes and rows. */
const defaultWindowChars = 256 * 1024;

export function createWordFinder(
  table: WordTable,
  { windowChars = defaultWindowChars } = {},
): WordFinder {
  const keys = table.entries.map(({ word, exact }) => ({
    word,
    exact,
    hash: hashOf(word, exact ? word.length : prefixKeyLength),
  }));
  const exact = hashTable(keys, (key) => key.exact);
  const prefixes = hashTable(keys, (key) => !key.exact);
  // Memory: the word codes at 0, the keys' spellings, the key records, the two tables, the text.
  const spellings = wordCodes.length;
  const records = align(spellings + keys.reduce((total, key) => total + key.word.length, 0), 8);
  const exactHeads = records + keys.length * keyRecord;
  const prefixHeads = exactHeads + exact.heads.length * 4;
  const layout = {
    keys: records,
    exactHeads,
    exactMask: exact.heads.length - 1,
    prefixHeads,
    prefixMask: prefixes.heads.length - 1,
    text: align(prefixHeads + prefixes.heads.length * 4, 8),
  };
  const instance = new WebAssembly.Instance(finderModule);
  const memory = instance.exports.memory as WebAssembly.Memory;
  growTo(memory, layout.text + pageSize);
  const bytes = new Uint8Array(memory.buffer);
  const words = new Int32Array(memory.buffer);
  bytes.set(wordCodes, 0);
  let spelling = spellings;
  keys.forEach((key, id) => {
    const record = (records + id * keyRecord) / 4;
    words[record] = (key.exact ? exact : prefixes).next[id] ?? 0;
    words[record + 1] = key.hash;
    words[record + 2] = key.word.length;
    words[record + 3] = id;
    words[record + 4] = spelling;
    for (let at = 0; at < key.word.length; at += 1) bytes[spelling++] = key.word.charCodeAt(at);
  });
  words.set(exact.heads, exactHeads / 4);
  words.set(prefixes.heads, prefixHeads / 4);
  return { memory, find: instance.exports.find as FindFunction, layout, windowChars };
}

export function createFoundWords(): FoundWords {
  return { positions: [], entries: [] };
}

/** Keys chained by slot (the low bits of their hash): heads by slot, and next by key number. */
function hashTable(
  keys: readonly { hash: number; exact: boolean }[],
  include: (key: { exact: boolean }) => boolean,
): { heads: Int32Array; next: Int32Array } {
  // Eight slots a key: most words of a text land in an empty slot.
  let size = 16;
  while (size < keys.length * 8) size *= 2;
  const heads = new Int32Array(size);
  const next = new Int32Array(keys.length);
  keys.forEach((key, id) => {
    if (!include(key)) return;
    const slot = key.hash & (size - 1);
    next[id] = heads[slot] ?? 0;
    heads[slot] = id + 1;
  });
  return { heads, next };
}

function hashOf(word: string, length: number): number {
  let hash = 0;
  // Kept within 30 bits, as the WebAssembly function keeps it.
  for (let index = 0; index < length; index += 1)
    hash = (Math.imul(hash, 31) + word.charCodeAt(index)) & 0x3fffffff;
  return hash;
}

const encoder = new TextEncoder();

/**
 * Reads `text.slice(start, end)` and puts in `found` (replacing what it held) every word of the
 * finder's table, in order of position. A long text is read a window at a time, so that the
 * finder's memory stays small whatever the size of a page.
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
  for (let from = start; from < end;) {
    const to = windowEnd(text, from, end, finder.windowChars);
    findInWindow(finder, text, from, to, found);
    from = to;
  }
}

/**
 * Where a window from `from` ends: `windowChars` later, or a little after, so as not to cut a
 * word (nor a character of two code units) in two. A run of letters too long for that is cut
 * anyway: it is longer than any word of a table, and its beginning is read in this window.
 */
function windowEnd(text: string, from: number, end: number, windowChars: number): number {
  let to = Math.min(end, from + windowChars);
  const limit = Math.min(end, to + 64);
  while (to < limit && continuesCharacterOrWord(text.charCodeAt(to))) to += 1;
  return to;
}

function continuesCharacterOrWord(code: number): boolean {
  return (code >= 0xdc00 && code <= 0xdfff) || (code < 0x80 && (wordCodes[code] ?? 0) !== 0);
}

function findInWindow(
  finder: WordFinder,
  text: string,
  start: number,
  end: number,
  found: FoundWords,
): void {
  const { memory, layout } = finder;
  // A UTF-16 code unit takes at most three bytes; one more follows the text, and then the rows,
  // with room at first for one every four characters, and more if they need it.
  const textEnd = layout.text + (end - start) * 3 + 1;
  let rowRoom = (end - start) * 2 + 64;
  let rows = -1;
  let out = 0;
  while (rows < 0) {
    growTo(memory, align(textEnd, 8) + rowRoom);
    const into = new Uint8Array(memory.buffer, layout.text, textEnd - layout.text);
    const written = encoder.encodeInto(text.slice(start, end), into).written;
    into[written] = 0;
    out = align(layout.text + written + 1, 8);
    rows = finder.find(
      layout.text,
      written,
      out,
      out + rowRoom,
      start,
      layout.keys,
      layout.exactHeads,
      layout.exactMask,
      layout.prefixHeads,
      layout.prefixMask,
    );
    rowRoom *= 2;
  }
  const written = new Int32Array(memory.buffer, out, rows * 2);
  for (let row = 0; row < rows * 2; row += 2) {
    found.positions.push(written[row] ?? 0);
    found.entries.push(written[row + 1] ?? 0);
  }
}

function align(address: number, to: number): number {
  return Math.ceil(address / to) * to;
}

function growTo(memory: WebAssembly.Memory, bytes: number): void {
  const missing = bytes - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / pageSize));
}

/**
 * The WebAssembly function `find(text, length, out, outEnd, start, keys, exactHeads, exactMask,
 * prefixHeads, prefixMask)`: reads `length` bytes of UTF-8 at `text` (a 0 byte follows them) and
 * writes a row (the word's offset in the string, the entry's number) at `out` for every key a word
 * is, or begins with. `start` is the string offset of the first byte; the word codes sit at
 * address 0. It returns the number of rows, or -1 when they would pass `outEnd`.
 */
function findFunction(): WasmFunction {
  const increment = (local: string, by = 1): Instruction[] => [
    ['local.get', local],
    ['i32.const', by],
    ['i32.add'],
    ['local.set', local],
  ];
  // The record of key number `next - 1`, in `record`; `next` moves on to the next in the slot.
  const readRecord: Instruction[] = [
    ['local.get', 'next'],
    ['i32.const', 1],
    ['i32.sub'],
    ['i32.const', keyRecord],
    ['i32.mul'],
    ['local.get', 'keys'],
    ['i32.add'],
    ['local.tee', 'record'],
    ['i32.load', 0],
    ['local.set', 'next'],
  ];
  // A row for the key in `record`, or -1 when the rows are full.
  const writeRow: Instruction[] = [
    ['local.get', 'row'],
    ['local.get', 'outEnd'],
    ['i32.ge_u'],
    ['if', 'full'],
    ['i32.const', -1],
    ['return'],
    ['end'],
    ['local.get', 'row'],
    ['local.get', 'position'],
    ['i32.store', 0],
    ['local.get', 'row'],
    ['local.get', 'record'],
    ['i32.load', 12],
    ['i32.store', 4],
    ...increment('row', 8),
  ];
  // The first key in the slot of `hash` in the table at `heads`, in `next`.
  const firstInSlot = (hash: string, mask: string, heads: string): Instruction[] => [
    ['local.get', hash],
    ['local.get', mask],
    ['i32.and'],
    ['i32.const', 2],
    ['i32.shl'],
    ['local.get', heads],
    ['i32.add'],
    ['i32.load', 0],
    ['local.set', 'next'],
  ];
  // The lower-case code of the byte at `at`, read through the table of word codes at 0.
  const codeAt = (at: string): Instruction[] => [
    ['local.get', at],
    ['i32.load8_u', 0],
    ['i32.load8_u', 0],
  ];
  const body: Instruction[] = [
    ['local.get', 'text'],
    ['local.set', 'at'],
    ['local.get', 'text'],
    ['local.get', 'length'],
    ['i32.add'],
    ['local.set', 'end'],
    // The string offset of byte `i` is `i - extra`: `extra` counts the bytes beyond the first of
    // each character before it, less one for each character of two code units.
    ['local.get', 'text'],
    ['local.get', 'start'],
    ['i32.sub'],
    ['local.set', 'extra'],
    ['local.get', 'out'],
    ['local.set', 'row'],
    ['block', 'done'],
    ['loop', 'next byte'],
    ['local.get', 'at'],
    ['local.get', 'end'],
    ['i32.ge_u'],
    ['br_if', 'done'],
    ['local.get', 'at'],
    ['i32.load8_u', 0],
    ['local.tee', 'byte'],
    ['i32.load8_u', 0],
    ['local.tee', 'code'],
    ['i32.eqz'],
    ['if', 'not a letter'],
    ['local.get', 'byte'],
    ['i32.const', 0xc0],
    ['i32.and'],
    ['i32.const', 0x80],
    ['i32.eq'],
    ['if', 'continuation byte'],
    ...increment('extra'),
    ['else'],
    ['local.get', 'byte'],
    ['i32.const', 0xf0],
    ['i32.ge_u'],
    ['if', 'four-byte character'],
    ...increment('extra', -1),
    ['end'],
    ['end'],
    ...increment('at'),
    ['br', 'next byte'],
    ['end'],
    // A word: hash it, noting the hash of its first three letters as the key of beginnings.
    ['local.get', 'at'],
    ['local.set', 'wordStart'],
    ['i32.const', 0],
    ['local.set', 'hash'],
    ['i32.const', 0],
    ['local.set', 'key'],
    ['loop', 'next letter'],
    ['local.get', 'hash'],
    ['i32.const', 31],
    ['i32.mul'],
    ['local.get', 'code'],
    ['i32.add'],
    ['i32.const', 0x3fffffff],
    ['i32.and'],
    ['local.set', 'hash'],
    ...increment('at'),
    ['local.get', 'at'],
    ['local.get', 'wordStart'],
    ['i32.sub'],
    ['i32.const', prefixKeyLength],
    ['i32.eq'],
    ['if', 'key length'],
    ['local.get', 'hash'],
    ['local.set', 'key'],
    ['end'],
    ...codeAt('at'),
    ['local.tee', 'code'],
    ['br_if', 'next letter'],
    ['end'],
    ['local.get', 'at'],
    ['local.get', 'wordStart'],
    ['i32.sub'],
    ['local.set', 'wordLength'],
    ['local.get', 'wordStart'],
    ['local.get', 'extra'],
    ['i32.sub'],
    ['local.set', 'position'],
    // Whole words: a key of the same hash and length. (A word of another spelling with the same
    // hash and length would add a row too: rare, and it costs only running patterns that fail.)
    ...firstInSlot('hash', 'exactMask', 'exactHeads'),
    ['block', 'words done'],
    ['loop', 'next word key'],
    ['local.get', 'next'],
    ['i32.eqz'],
    ['br_if', 'words done'],
    ...readRecord,
    ['local.get', 'record'],
    ['i32.load', 4],
    ['local.get', 'hash'],
    ['i32.eq'],
    ['local.get', 'record'],
    ['i32.load', 8],
    ['local.get', 'wordLength'],
    ['i32.eq'],
    ['i32.and'],
    ['if', 'same word'],
    ...writeRow,
    ['end'],
    ['br', 'next word key'],
    ['end'],
    ['end'],
    // Beginnings: a key of the same first three letters, spelled out in full.
    ['local.get', 'wordLength'],
    ['i32.const', prefixKeyLength],
    ['i32.ge_u'],
    ['if', 'long enough'],
    ...firstInSlot('key', 'prefixMask', 'prefixHeads'),
    ['block', 'beginnings done'],
    ['loop', 'next beginning'],
    ['local.get', 'next'],
    ['i32.eqz'],
    ['br_if', 'beginnings done'],
    ...readRecord,
    ['local.get', 'record'],
    ['i32.load', 8],
    ['local.set', 'keyLength'],
    ['local.get', 'record'],
    ['i32.load', 4],
    ['local.get', 'key'],
    ['i32.eq'],
    ['local.get', 'keyLength'],
    ['local.get', 'wordLength'],
    ['i32.le_u'],
    ['i32.and'],
    ['if', 'may begin'],
    ['local.get', 'record'],
    ['i32.load', 16],
    ['local.set', 'spelling'],
    ['i32.const', 0],
    ['local.set', 'letter'],
    ['block', 'spelled'],
    ['loop', 'next spelled letter'],
    ['local.get', 'letter'],
    ['local.get', 'keyLength'],
    ['i32.ge_u'],
    ['br_if', 'spelled'],
    ['local.get', 'wordStart'],
    ['local.get', 'letter'],
    ['i32.add'],
    ['local.set', 'letterAt'],
    ...codeAt('letterAt'),
    ['local.get', 'spelling'],
    ['local.get', 'letter'],
    ['i32.add'],
    ['i32.load8_u', 0],
    ['i32.ne'],
    ['br_if', 'next beginning'],
    ...increment('letter'),
    ['br', 'next spelled letter'],
    ['end'],
    ['end'],
    ...writeRow,
    ['end'],
    ['br', 'next beginning'],
    ['end'],
    ['end'],
    ['end'],
    ['br', 'next byte'],
    ['end'],
    ['end'],
    ['local.get', 'row'],
    ['local.get', 'out'],
    ['i32.sub'],
    ['i32.const', 3],
    ['i32.shr_u'],
  ];
  return {
    name: 'find',
    params: [
      'text',
      'length',
      'out',
      'outEnd',
      'start',
      'keys',
      'exactHeads',
      'exactMask',
      'prefixHeads',
      'prefixMask',
    ],
    results: 1,
    locals: [
      'at',
      'end',
      'byte',
      'code',
      'extra',
      'row',
      'wordStart',
      'hash',
      'key',
      'wordLength',
      'position',
      'next',
      'record',
      'keyLength',
      'spelling',
      'letter',
      'letterAt',
    ],
    body,
  };
}
