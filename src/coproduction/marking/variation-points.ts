import { equivalentWordings } from './equivalent-wordings.js';
import {
  canonicalTokens,
  rawTokens,
  type CanonicalToken,
  type RawToken,
} from './marking-tokens.js';
import { overlapsAny, protectedRanges } from './protected-ranges.js';

/**
 * A place in a text where a marked copy may use any of several equivalent renderings. The text
 * in [start, end) is replaced by `alternatives[choice]`; `alternatives[0]` is the original.
 */
export interface VariationPoint {
  /** Stable within one text: the recipient's choice here is derived from its seed and this key. */
  readonly key: string;
  readonly kind: 'wording' | 'spacing';
  readonly start: number;
  readonly end: number;
  readonly alternatives: readonly string[];
  /**
   * How each alternative shows in a copied excerpt: the form of the wording (as numbered in
   * `equivalentWordings`), or the whitespace before the next sentence.
   */
  readonly signatures: readonly (number | string)[];
  /** The index of the canonical token of the original text at which the choice is seen. */
  readonly canonIndex: number;
}

/** The original text's tokens and its variation points, as marking and tracing both need. */
export interface MarkableText {
  readonly text: string;
  readonly raw: readonly RawToken[];
  readonly canonical: readonly CanonicalToken[];
  readonly points: readonly VariationPoint[];
}

const sentenceSpacings = [' ', '  ', '\n'];
const clauseSpacings = [' ', '\n'];
const notAfterWhile = new Set(['a', 'the', 'long', 'short', 'little', 'good', 'great', 'worth']);
const clauseStarts = new Set([
  'the',
  'they',
  'it',
  'this',
  'a',
  'any',
  'people',
  'we',
  'he',
  'she',
]);
const abbreviations = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'no', 'vs', 'etc', 'ibid', 'cf']);
const wordingByName = new Map(equivalentWordings.map((wording) => [wording.name, wording]));

function lineAt(text: string, position: number): string {
  const start = text.lastIndexOf('\n', position - 1) + 1;
  const end = text.indexOf('\n', position);
  return text.slice(start, end === -1 ? text.length : end);
}

function isStructuralLine(line: string): boolean {
  return /^ {0,3}#/.test(line) || line.includes('|');
}

/** Counts the comma-separated list items of one or two words that end just before `index`. */
function listItemsBefore(raw: readonly RawToken[], index: number): number {
  let items = 0;
  let cursor = index - 1;
  for (;;) {
    let words = 0;
    while (words < 3 && raw[cursor]?.isWord === true) {
      words += 1;
      cursor -= 1;
    }
    if (words === 0) return items;
    items += 1;
    // A first item longer than two words may simply be where the list begins.
    if (words > 2 || raw[cursor]?.text !== ',') return items;
    cursor -= 1;
  }
}

function capitalised(text: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function wordingPoint(
  text: string,
  raw: readonly RawToken[],
  token: CanonicalToken,
): Omit<VariationPoint, 'key' | 'canonIndex'> | null {
  const wording = token.wording === null ? undefined : wordingByName.get(token.wording);
  if (wording === undefined) return null;
  const before = raw[token.rawStart - 1];
  const after = raw[token.rawEnd];
  const other = 1 - token.form;
  const signatures = [token.form, other];
  const original = text.slice(token.start, token.end);
  if (/\n| {2}/.test(original)) return null;
  if (original.length > 1 && original === original.toUpperCase() && /\p{L}/u.test(original)) {
    return null;
  }
  const name = wording.name;
  if (name === 'dash') {
    if (before === undefined || after === undefined || !before.isWord || !after.isWord) return null;
    const spaced = text.slice(before.end, after.start);
    if (token.form === 1 && spaced !== ' – ') return null;
    if (token.form === 0 && spaced !== '—' && spaced !== ' — ') return null;
    return {
      kind: 'wording',
      start: before.end,
      end: after.start,
      alternatives: [spaced, token.form === 0 ? ' – ' : '—'],
      signatures,
    };
  }
  if (name === 'per-cent') {
    if (before === undefined || !/^\d+$/.test(before.text)) return null;
    const gap = text.slice(before.end, token.start);
    if (token.form === 0 ? gap !== ' ' : gap !== '') return null;
    return {
      kind: 'wording',
      start: before.end,
      end: token.end,
      alternatives: [text.slice(before.end, token.end), token.form === 0 ? '%' : ' per cent'],
      signatures,
    };
  }
  if (name === 'serial-and' || name === 'serial-or') {
    const conjunction = name === 'serial-and' ? 'and' : 'or';
    const itemEnd = token.rawStart;
    const lastItem = raw[itemEnd - 1];
    const commas = listItemsBefore(raw, itemEnd) - 1;
    if (lastItem === undefined || after?.isWord !== true || commas < (token.form === 0 ? 1 : 2)) {
      return null;
    }
    const span = text.slice(lastItem.end, token.end);
    if (span !== (token.form === 0 ? `, ${conjunction}` : ` ${conjunction}`)) return null;
    return {
      kind: 'wording',
      start: lastItem.end,
      end: token.end,
      alternatives: [span, token.form === 0 ? ` ${conjunction}` : `, ${conjunction}`],
      signatures,
    };
  }
  if (name === 'while' && notAfterWhile.has(before?.lower ?? '')) return null;
  // "whether or not" is "whether" only where a clause follows, not "whether on paper or ...".
  if (name === 'whether-or-not' && token.form === 0 && !clauseStarts.has(after?.lower ?? '')) {
    return null;
  }
  // A hyphen is optional in a compound before a noun, not in "in the long term".
  if (/-term$/.test(name) && token.form === 1) return null;
  if (name.startsWith('number-')) {
    if (!/^[a-z0-9]+$/.test(original)) return null;
    if (after === undefined || !/^[a-z]+s$/.test(after.text)) return null;
    if (before !== undefined && !before.isWord && before.text !== ',') return null;
    if (text.slice(token.end, after.start) !== ' ') return null;
  }
  const forms = wording.forms;
  const otherForm = forms[other === 0 ? 0 : 1];
  return {
    kind: 'wording',
    start: token.start,
    end: token.end,
    alternatives: [original, capitalised(otherForm.join(' '), original)],
    signatures,
  };
}

function spacingPoint(
  text: string,
  raw: readonly RawToken[],
  token: CanonicalToken,
): Omit<VariationPoint, 'key' | 'canonIndex'> | null {
  const first = text.slice(token.start, token.end);
  const stop = raw[token.rawStart - 1];
  const lastWord = raw[token.rawStart - 2];
  if (stop === undefined || lastWord === undefined || !/^\p{L}/u.test(first)) return null;
  if (!lastWord.isWord || lastWord.end !== stop.start) return null;
  const gap = text.slice(stop.end, token.start);
  if (gap !== ' ' && gap !== '\n') return null;
  if (isStructuralLine(lineAt(text, stop.start)) || isStructuralLine(lineAt(text, token.start))) {
    return null;
  }
  let spacings: readonly string[];
  if (/^[.?!]$/.test(stop.text)) {
    // Between sentences: one space, two spaces or a line break all render alike.
    if (!/^\p{Lu}/u.test(first) || lastWord.text.length < 3 || abbreviations.has(lastWord.lower)) {
      return null;
    }
    spacings = sentenceSpacings;
  } else if (/^[,;]$/.test(stop.text)) {
    // After a comma, a soft line break renders as the space it replaces.
    spacings = clauseSpacings;
  } else {
    return null;
  }
  const alternatives = [gap, ...spacings.filter((spacing) => spacing !== gap)];
  return {
    kind: 'spacing',
    start: stop.end,
    end: token.start,
    alternatives,
    signatures: alternatives,
  };
}

/** Reads a text and finds every place a marked copy may vary without changing what it says. */
export function readMarkableText(text: string): MarkableText {
  const raw = rawTokens(text);
  const canonical = canonicalTokens(text, raw);
  const guarded = protectedRanges(text);
  const points: VariationPoint[] = [];
  let lastEnd = -1;
  canonical.forEach((token, canonIndex) => {
    for (const found of [spacingPoint(text, raw, token), wordingPoint(text, raw, token)]) {
      if (found === null || found.start < lastEnd) continue;
      if (overlapsAny(guarded, found.start - 1, found.end + 1)) continue;
      points.push({ ...found, key: `${points.length}:${found.kind}`, canonIndex });
      lastEnd = found.end;
    }
  });
  return { text, raw, canonical, points };
}
