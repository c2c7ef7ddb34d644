import { splitOutsideBrackets } from './split-pattern.js';

/** Named phrase lists from the catalogue, referenced in patterns as `{name}`. */
export type Vocabulary = ReadonlyMap<string, readonly string[]>;

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
  return cheapest(findRequirements(sequence, vocabulary));
}

/** For every required part of a sequence, the words of which a matching sentence has one. */
export function findRequirements(sequence: string, vocabulary: Vocabulary): AnchorWords[] {
  const known = remembered(requirementsByVocabulary, vocabulary);
  let requirements = known.get(sequence);
  if (!requirements) {
    requirements = requiredTokens(sequence)
      .map((token) => requirementOfToken(token, vocabulary))
      .filter((anchors) => anchors !== undefined)
      .map(intern);
    known.set(sequence, requirements);
  }
  return requirements;
}

// Phrases recur across patterns: their requirements are worked out once per vocabulary.
const requirementsByVocabulary = new WeakMap<Vocabulary, Map<string, AnchorWords[]>>();

/** The map kept for a vocabulary in `store`, made on first use. */
export function remembered<T>(
  store: WeakMap<Vocabulary, Map<string, T>>,
  vocabulary: Vocabulary,
): Map<string, T> {
  let known = store.get(vocabulary);
  if (!known) {
    known = new Map();
    store.set(vocabulary, known);
  }
  return known;
}

/**
 * The words a sentence must have for a sequence to match, worked out in full: every requirement
 * met, and for each choice of phrases (a list, or `(a|b c)` with a phrase among its options), the
 * words of one of the phrases. `findRequirements` asks for one word of any phrase of a choice;
 * this asks for all the words of one of them, and so rules out many more sentences.
 */
export interface WordCondition {
  requirements: AnchorWords[];
  /** For each choice, its options: at least one must hold. */
  choices: WordCondition[][];
}

/** The word condition of a sequence (see `WordCondition`). */
export function findCondition(sequence: string, vocabulary: Vocabulary): WordCondition {
  const known = remembered(conditionsByVocabulary, vocabulary);
  let condition = known.get(sequence);
  if (!condition) {
    condition = { requirements: [], choices: [] };
    for (const token of requiredTokens(sequence)) {
      const part = conditionOfToken(token, vocabulary);
      condition.requirements.push(...part.requirements);
      condition.choices.push(...part.choices);
    }
    known.set(sequence, condition);
  }
  return condition;
}

const conditionsByVocabulary = new WeakMap<Vocabulary, Map<string, WordCondition>>();

const alwaysHolds: WordCondition = { requirements: [], choices: [] };

function conditionOfToken(token: string, vocabulary: Vocabulary): WordCondition {
  const phrases = phrasesOfChoice(token, vocabulary);
  if (!phrases) {
    const requirement = requirementOfToken(token, vocabulary);
    return requirement ? { requirements: [intern(requirement)], choices: [] } : alwaysHolds;
  }
  const options = phrases.map((phrase) => findCondition(phrase, vocabulary));
  if (options.some((option) => option.requirements.length + option.choices.length === 0))
    return alwaysHolds;
  // The single words of a choice are one requirement: any of the words. A sentence then checks
  // them with one load, not one for each (a frame's list has hundreds).
  const isSingle = (option: WordCondition) =>
    option.requirements.length === 1 && option.choices.length === 0;
  const others = options.filter((option) => !isSingle(option));
  const singles = union(options.filter(isSingle).map((option) => option.requirements[0]));
  if (!singles || others.length === options.length) return { requirements: [], choices: [others] };
  const anyWord = { requirements: [intern(singles)], choices: [] };
  if (others.length === 0) return anyWord;
  return { requirements: [], choices: [[anyWord, ...others]] };
}

/** The phrases of a list (`{name}`) or choice (`(a|b)`) token; undefined for a word. */
function phrasesOfChoice(token: string, vocabulary: Vocabulary): readonly string[] | undefined {
  if (token.startsWith('{') && token.endsWith('}')) return vocabulary.get(token.slice(1, -1)) ?? [];
  if (token.startsWith('(') && token.endsWith(')'))
    return splitAlternatives(token.slice(1, -1)).map((option) => option.trim());
  return undefined;
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

// The commonest words of English: nearly every sentence has one.
const ubiquitousWords = new Set(
  'a an the and or of to in on at for with by from as is are was were be it this that'.split(' '),
);

/** Whether a requirement is met by one of the words that nearly every sentence has. */
export function hasUbiquitousWord(requirement: AnchorWords): boolean {
  return [...requirement.exact].some((word) => ubiquitousWords.has(word));
}

/** The cost from which a requirement is met by nearly every sentence (see `requirementCost`). */
const uninformativeCost = 100_000;

/**
 * A rough measure of how often a sentence meets a requirement: more words, and commoner ones,
 * cost more; word beginnings more than whole words.
 */
export function requirementCost(requirement: AnchorWords): number {
  return anchorCost(requirement);
}

function anchorCost(anchors: AnchorWords): number {
  let cost = 0;
  for (const word of anchors.exact) cost += wordCost(word);
  // A beginning stands for many words ("high*": higher, highest, highlight...).
  // One of one or two letters cannot be looked up at all (see word-table).
  for (const prefix of anchors.prefixes)
    cost += prefix.length < 3 ? uninformativeCost : 3 * wordCost(prefix);
  return cost;
}

function wordCost(word: string): number {
  if (functionWords.has(word) || word.length < 2) return uninformativeCost;
  return commonWords.has(word) ? 1000 : 1;
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

// Tokens recur too (a list, a bracketed choice): each is worked out once per vocabulary.
const tokensByVocabulary = new WeakMap<Vocabulary, Map<string, AnchorWords | undefined>>();

function requirementOfToken(token: string, vocabulary: Vocabulary): AnchorWords | undefined {
  const known = remembered(tokensByVocabulary, vocabulary);
  if (known.has(token)) return known.get(token);
  const requirement = firstWordsOfToken(token, vocabulary);
  known.set(token, requirement);
  return requirement;
}

function firstWordsOfToken(token: string, vocabulary: Vocabulary): AnchorWords | undefined {
  const phrases = phrasesOfChoice(token, vocabulary);
  // A phrase must match as a whole, so any of its required words can stand for it.
  if (phrases) return union(phrases.map((phrase) => findAnchors(phrase, vocabulary)));
  const runs = [...token.matchAll(/[A-Za-z0-9\u00C0-\u024F]+/g)].map((run) => ({
    word: run[0].toLowerCase(),
    start: run.index,
    end: run.index + run[0].length,
  }));
  const first = runs[0];
  if (!first || first.start !== leadingPunctuation(token)) return undefined;
  // Hyphens are optional in the text ("time-wasting", "time wasting", "timewasting"), so the
  // hyphenated parts are either separate words or run together.
  let joined = [first];
  for (const run of runs.slice(1)) {
    if (token.slice(joined[joined.length - 1]?.end, run.start) !== '-') break;
    joined = [...joined, run];
  }
  // A word continued by anything but its end (an apostrophe, `*`) may run on in the text.
  const closed = joined[joined.length - 1]?.end === token.length;
  // A beginning of one or two letters ("Q:", "a*") rules out almost nothing: it is no requirement.
  const word = (text: string, isClosed: boolean): AnchorWords | undefined => {
    if (isClosed) return { exact: new Set([text]), prefixes: [] };
    return text.length < 3 ? undefined : { exact: new Set(), prefixes: [text] };
  };
  if (joined.length === 1) return word(first.word, closed);
  const whole = word(joined.map((run) => run.word).join(''), closed);
  // Any mix of joined and separate parts begins with the first part.
  const options: (AnchorWords | undefined)[] = [word(first.word, false)];
  const second = joined[1];
  if (joined.length === 2 && second) {
    // Two parts: either part stands alone as a word, or the word is both run together.
    options.push(union([word(first.word, true), whole]), union([word(second.word, closed), whole]));
  }
  return cheapest(options);
}

/** The requirement that the fewest sentences are likely to meet. */
export function cheapest(options: readonly (AnchorWords | undefined)[]): AnchorWords | undefined {
  let best: AnchorWords | undefined;
  for (const option of options) {
    if (option && (!best || anchorCost(option) < anchorCost(best))) best = option;
  }
  return best;
}

function leadingPunctuation(token: string): number {
  return /^[^A-Za-z0-9\u00C0-\u024F£#]*/.exec(token)?.[0].length ?? 0;
}

function union(parts: readonly (AnchorWords | undefined)[]): AnchorWords | undefined {
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
