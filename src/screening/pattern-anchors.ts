import type { Vocabulary } from './compile-pattern.js';
import { splitOutsideBrackets } from './split-pattern.js';

/** Words (lower case) of which a text must contain at least one for a pattern to have a chance. */
export interface AnchorWords {
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
}

// Function words: almost every sentence has one, so they are the worst anchors.
const functionWords = new Set(
  `a an the and or of to in on at for with by from into as is are was were be been being it its this
  that these those we our they their he she his her them you your not no will would should must can
  could may has have had do does did all any each every other more most some such than then there
  which who what when where how also only very per up out over under about after before between
  through if so but yet both`.split(/\s+/),
);

// Words common in NHS and police documents: poor anchors, though better than function words.
const commonWords = new Set(
  `part work works working team teams service services care plan plans patient patients staff people
  person health mental nhs trust board support time year report meeting review new one two three
  first together joint use used using make made take help need needs data group level including
  include includes well local day week month further real rather case seen given treated free save
  saving take takes taking took reduce reduced reduction key home visit visits sessions meetings
  appointments end ends closed stopped record records model approach high link file continue keep
  shared agreed priority community`.split(/\s+/),
);

/**
 * Finds anchor words for a sequence: the first words of its rarest required part.
 * Returns undefined when no part has a dependable first word (such as a pattern of only numbers).
 */
export function findAnchors(sequence: string, vocabulary: Vocabulary): AnchorWords | undefined {
  let best: AnchorWords | undefined;
  let bestCost = Infinity;
  for (const anchors of findRequirements(sequence, vocabulary)) {
    const cost = anchorCost(anchors);
    if (cost < bestCost) {
      best = anchors;
      bestCost = cost;
    }
  }
  return best;
}

/** For every required part of a sequence, the words of which a matching sentence has one. */
export function findRequirements(sequence: string, vocabulary: Vocabulary): AnchorWords[] {
  return requiredTokens(sequence)
    .map((token) => firstWordsOfToken(token, vocabulary))
    .filter((anchors) => anchors !== undefined)
    .map(intern);
}

// Equal word sets are shared, so a sentence checks each distinct set once (see screen-pages).
const interned = new Map<string, AnchorWords>();

function intern(anchors: AnchorWords): AnchorWords {
  const key = `${[...anchors.exact].sort().join(' ')}|${[...anchors.prefixes].sort().join(' ')}`;
  const existing = interned.get(key);
  if (existing) return existing;
  interned.set(key, anchors);
  return anchors;
}

/** Whether the words of a sentence (lower case, in a set and a list) include one of the anchors. */
export function meetsRequirement(
  words: ReadonlySet<string>,
  list: readonly string[],
  anchors: AnchorWords,
): boolean {
  for (const word of anchors.exact) if (words.has(word)) return true;
  for (const prefix of anchors.prefixes)
    for (const word of list) if (word.startsWith(prefix)) return true;
  return false;
}

/** The lower-case letter and digit runs of a text, as anchors see them. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9\u00c0-\u024f]+/g) ?? [];
}

function anchorCost(anchors: AnchorWords): number {
  let cost = anchors.exact.size + anchors.prefixes.length;
  for (const word of anchors.exact) {
    if (functionWords.has(word) || word.length < 2) cost += 100_000;
    else if (commonWords.has(word)) cost += 1000;
  }
  cost += anchors.prefixes.filter((prefix) => prefix.length < 3).length * 100_000;
  return cost;
}

function requiredTokens(sequence: string): string[] {
  return splitTokens(sequence).filter(
    (token) =>
      token !== '...' &&
      !/^~\d+$/.test(token) &&
      token !== '^' &&
      !token.startsWith('!') &&
      !(token.startsWith('[') && token.endsWith(']')),
  );
}

function firstWordsOfToken(token: string, vocabulary: Vocabulary): AnchorWords | undefined {
  if (token.startsWith('{') && token.endsWith('}')) {
    const phrases = vocabulary.get(token.slice(1, -1)) ?? [];
    // A phrase must match as a whole, so any of its required words can stand for it.
    return union(phrases.map((phrase) => findAnchors(phrase, vocabulary)));
  }
  if (token.startsWith('(') && token.endsWith(')')) {
    return union(
      splitAlternatives(token.slice(1, -1)).map((option) => findAnchors(option.trim(), vocabulary)),
    );
  }
  const run = /[A-Za-z0-9\u00C0-\u024F]+/.exec(token);
  if (!run || run.index !== leadingPunctuation(token)) return undefined;
  const word = run[0].toLowerCase();
  // A word continued by a hyphen, an apostrophe or `*` may run on without a break in the text.
  const open =
    token.endsWith('*') || run[0].length < token.replace(/^[^A-Za-z0-9\u00C0-\u024F]+/, '').length;
  return open ? { exact: new Set(), prefixes: [word] } : { exact: new Set([word]), prefixes: [] };
}

function leadingPunctuation(token: string): number {
  return /^[^A-Za-z0-9\u00C0-\u024F£#]*/.exec(token)?.[0].length ?? 0;
}

function union(parts: (AnchorWords | undefined)[]): AnchorWords | undefined {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const part of parts) {
    if (!part) return undefined;
    for (const word of part.exact) exact.add(word);
    prefixes.push(...part.prefixes);
  }
  return { exact, prefixes };
}

function splitTokens(text: string): string[] {
  return (splitOutsideBrackets(text, (char) => /\s/.test(char)) ?? []).filter(Boolean);
}

function splitAlternatives(text: string): string[] {
  return splitOutsideBrackets(text, (char) => char === '|') ?? [];
}

/** Anchor words of many patterns, indexed so each word of a text finds its patterns at once. */
export interface AnchorIndex {
  exact: Map<string, number[]>;
  /** Prefix anchors grouped by their first (up to) three letters. */
  prefixes: Map<string, { prefix: string; ids: number[] }[]>;
  /** Patterns with no dependable anchor: always tried. */
  always: number[];
  /** Finds every anchor word of the text in one pass (a literal alternation is fast to run). */
  finder: RegExp;
}

/** A word of the text that is an anchor, with the patterns it stands for. */
export interface AnchorHit {
  position: number;
  ids: readonly number[];
}

/** Indexes the anchors of patterns numbered by their position in the list. */
export function buildAnchorIndex(anchors: readonly (AnchorWords | undefined)[]): AnchorIndex {
  const index: AnchorIndex = { exact: new Map(), prefixes: new Map(), always: [], finder: /$^/g };
  anchors.forEach((anchor, id) => {
    if (!anchor) {
      index.always.push(id);
      return;
    }
    for (const word of anchor.exact) index.exact.set(word, [...(index.exact.get(word) ?? []), id]);
    for (const prefix of anchor.prefixes) {
      const key = prefix.slice(0, 3);
      const bucket = index.prefixes.get(key) ?? [];
      const entry = bucket.find((candidate) => candidate.prefix === prefix);
      if (entry) entry.ids.push(id);
      else bucket.push({ prefix, ids: [id] });
      index.prefixes.set(key, bucket);
    }
  });
  const words = [...index.exact.keys()].sort((a, b) => b.length - a.length).map(escapeWord);
  const stems = [...index.prefixes.values()]
    .flat()
    .map((entry) => `${escapeWord(entry.prefix)}[a-z0-9]*`);
  const alternatives = [...stems, ...words];
  if (alternatives.length > 0)
    index.finder = new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'gi');
  return index;
}

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Every word of the text that anchors some pattern, in order. */
export function findAnchorHits(index: AnchorIndex, text: string): AnchorHit[] {
  const hits: AnchorHit[] = [];
  const { finder } = index;
  finder.lastIndex = 0;
  for (let match = finder.exec(text); match; match = finder.exec(text)) {
    const word = match[0].toLowerCase();
    let ids = index.exact.get(word);
    for (let length = 1; length <= 3 && length <= word.length; length += 1) {
      const bucket = index.prefixes.get(word.slice(0, length));
      if (!bucket) continue;
      for (const entry of bucket) {
        if (word.startsWith(entry.prefix)) ids = ids ? [...ids, ...entry.ids] : entry.ids;
      }
    }
    if (ids) hits.push({ position: match.index, ids });
  }
  return hits;
}
