import type { Vocabulary } from './compile-pattern.js';

/** Words (lower case) of which a text must contain at least one for a pattern to have a chance. */
export interface AnchorWords {
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
}

// Words so common in NHS and police documents that they make poor anchors.
const commonWords = new Set(
  `the a an and or of to in on at for with by from into as is are was were be been being it its this
  that these those we our they their he she his her them you your not no will would should must can
  could may has have had do does did all any each every other more most some such than then there
  which who what when where how also only very per up out over under about after before between
  through part work works working team teams service services care plan plans patient patients staff
  people person health mental nhs trust board support time year report meeting review new one two
  three first together joint use used using make made take help need needs data group level
  including include includes well local day week month its if so but yet both`.split(/\s+/),
);

/**
 * Finds anchor words for one `&`-free sequence: the first words of its rarest required part.
 * Returns undefined when no part has a dependable first word (such as a pattern of only numbers).
 */
export function findAnchors(sequence: string, vocabulary: Vocabulary): AnchorWords | undefined {
  let best: AnchorWords | undefined;
  let bestCost = Infinity;
  for (const token of requiredTokens(sequence)) {
    const anchors = firstWordsOfToken(token, vocabulary);
    if (!anchors) continue;
    const cost = anchorCost(anchors);
    if (cost < bestCost) {
      best = anchors;
      bestCost = cost;
    }
  }
  return best;
}

/** Whether a sentence's words (lower case) include one of the anchors. */
export function hasAnchor(words: ReadonlySet<string>, wordList: readonly string[], anchors: AnchorWords): boolean {
  for (const word of anchors.exact) if (words.has(word)) return true;
  for (const prefix of anchors.prefixes) {
    for (const word of wordList) if (word.startsWith(prefix)) return true;
  }
  return false;
}

/** The lower-case letter and digit runs of a text, as the anchors see them. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9\u00c0-\u024f]+/g) ?? [];
}

function anchorCost(anchors: AnchorWords): number {
  let cost = anchors.exact.size + anchors.prefixes.length;
  for (const word of anchors.exact) if (commonWords.has(word) || word.length < 2) cost += 1000;
  for (const prefix of anchors.prefixes) if (prefix.length < 4) cost += 1000;
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
    return union(splitAlternatives(token.slice(1, -1)).map((option) => findAnchors(option.trim(), vocabulary)));
  }
  const run = /[A-Za-z0-9\u00C0-\u024F]+/.exec(token);
  if (!run || run.index !== leadingPunctuation(token)) return undefined;
  const word = run[0].toLowerCase();
  // A word continued by a hyphen, an apostrophe or `*` may run on without a break in the text.
  const open = token.endsWith('*') || run[0].length < token.replace(/^[^A-Za-z0-9\u00C0-\u024F]+/, '').length;
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
  return splitTopLevel(text, (char) => /\s/.test(char)).filter(Boolean);
}

function splitAlternatives(text: string): string[] {
  return splitTopLevel(text, (char) => char === '|');
}

function splitTopLevel(text: string, isSeparator: (char: string) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('([{'.includes(char)) depth += 1;
    if (')]}'.includes(char)) depth -= 1;
    if (depth === 0 && isSeparator(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
