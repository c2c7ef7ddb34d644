import { SimwatchError } from '../errors.js';
import {
  findCondition,
  findRequirements,
  remembered,
  type AnchorWords,
  type Vocabulary,
  type WordCondition,
} from './pattern-anchors.js';
import { splitOutsideBrackets } from './split-pattern.js';

/** A compiled catalogue pattern: every element must be found in the sentence. */
export interface CompiledPattern {
  source: string;
  /** One regular expression per `&`-separated element, each with the `g` flag off. */
  elements: RegExp[];
  /** The numbers of the elements, shortest first: the quickest to rule a sentence out. */
  shortestFirst: number[];
  /** Every required part, as words: a sentence lacking any of them cannot match. */
  requirements: AnchorWords[];
  /** The words a sentence must have, in full: checked after `requirements` (see `WordCondition`). */
  condition: WordCondition;
}

/**
 * A pattern checked by its words alone, never run as a regular expression: the word finder and
 * pattern index list the sentences that have a word of each of its parts, and the caller reads
 * them itself.
 */
export function compileWordCondition(source: string, vocabulary: Vocabulary): CompiledPattern {
  const sequence = source.split(/\s+&\s+/).join(' ');
  return {
    source,
    elements: [],
    shortestFirst: [],
    requirements: findRequirements(sequence, vocabulary),
    condition: findCondition(sequence, vocabulary),
  };
}

export type { Vocabulary };

const maxDefaultGapWords = 8;
// Latin letters and digits only: Unicode property classes make the expressions slow to build.
// Written as the characters themselves, not escapes, to keep the expressions short (see
// `maxExpressionLength`).
const letter = 'A-Za-z0-9\u00C0-\u024F';
const separatorClass = `[^${letter}£&]+`;
// Words written next to each other may be parted by spaces, hyphens and quotes, not by a comma or
// full stop: "SIM", officers" is not the phrase "SIM officers". Gaps (`...`, `~N`) may cross them.
// (`\s` includes the no-break space.)
const adjacentClass = String.raw`[\s\-‐‑–—/'’"“”‘)(]+`;
const number = '[0-9][0-9,.]*';
const wordClass = `[${letter}£&]+`;

/**
 * Compiles a pattern written in the catalogue's plain notation into regular expressions.
 *
 * Notation: words match whole words; lower-case letters match either case, and words written
 * in capitals (acronyms such as SIM or CPN) match only in capitals; `word*` matches any ending; `#` is any number
 * and `£#` an amount in pounds;
 * `^` is the start of the sentence;
 * `{name}` is any phrase from the vocabulary list `name`; `(a|b c)` is either phrase; `[word]`
 * is optional; `!word` means "not followed by word"; `...` allows up to eight other words in between, `~N` up to N words; ` & `
 * separates parts that must all appear somewhere in the same sentence, in any order.
 */
export function compilePattern(source: string, vocabulary: Vocabulary): CompiledPattern {
  const parts = source.split(/\s+&\s+/);
  const elements = parts.map((part) => {
    const body = compileSequence(part.trim(), vocabulary, source);
    if (body.length > maxExpressionLength)
      throw new SimwatchError(
        'invalid_catalogue',
        `Cannot compile pattern "${source}": "${part.trim()}" makes a regular expression of ` +
          `${body.length} characters, more than the ${maxExpressionLength} that Node.js runs ` +
          'quickly; split its longest list in two',
      );
    try {
      return new RegExp(body);
    } catch (error) {
      throw new SimwatchError(
        'invalid_catalogue',
        `Cannot compile pattern "${source}": ${String(error)}`,
      );
    }
  });
  return {
    source,
    elements,
    shortestFirst: elements
      .map((element, index) => ({ index, length: element.source.length }))
      .sort((a, b) => a.length - b.length)
      .map(({ index }) => index),
    requirements: findRequirements(parts.join(' '), vocabulary),
    condition: findCondition(parts.join(' '), vocabulary),
  };
}

/**
 * Node.js (V8) does not optimise a regular expression whose source is longer than 20 KB (20,480
 * characters, its `kRegExpTooLargeToOptimize`), and such an expression runs far slower: every part
 * of a pattern must compile to no more.
 */
const maxExpressionLength = 20_480;

/** Compiles one phrase list entry or sequence into a regular expression source. */
export function compileSequence(text: string, vocabulary: Vocabulary, source: string): string {
  const known = remembered(sequencesByVocabulary, vocabulary);
  let compiled = known.get(text);
  if (compiled === undefined) {
    compiled = compileTokens(text, vocabulary, source);
    known.set(text, compiled);
  }
  return compiled;
}

// Phrases recur across patterns: each is compiled once per vocabulary.
const sequencesByVocabulary = new WeakMap<Vocabulary, Map<string, string>>();

function compileTokens(text: string, vocabulary: Vocabulary, source: string): string {
  const tokens = tokenize(text, source);
  let out = '';
  let pendingGap: string | null = null;
  let first = true;
  for (const token of tokens) {
    if (token === '...' || /^~\d+$/.test(token)) {
      const words = token === '...' ? maxDefaultGapWords : Number(token.slice(1));
      pendingGap = `${separatorClass}(?:${wordClass}${separatorClass}){0,${words}}?`;
      continue;
    }
    if (token === '^') {
      out += '^';
      continue;
    }
    if (token.startsWith('!') && token.length > 1) {
      // "Not followed by": the next words must not be this.
      out += `(?!${separatorClass}${compileToken(token.slice(1), vocabulary, source)})`;
      continue;
    }
    const optional = token.startsWith('[') && token.endsWith(']');
    const inner = optional ? token.slice(1, -1) : token;
    const compiled = optional
      ? compileSequence(inner, vocabulary, source)
      : compileToken(inner, vocabulary, source);
    if (optional && first) {
      // An optional first word brings its own separator, so what follows needs none.
      out += `(?:${compiled}${adjacentClass})?`;
      continue;
    }
    const joiner = first ? '' : (pendingGap ?? adjacentClass);
    out += optional ? `(?:${joiner}${compiled})?` : `${joiner}${compiled}`;
    // A gap before an optional word still applies when the word is absent.
    if (!optional) pendingGap = null;
    first = false;
  }
  if (pendingGap !== null || out === '') {
    throw new SimwatchError(
      'invalid_catalogue',
      `Cannot compile pattern "${source}": a gap must sit between two words`,
    );
  }
  return out;
}

function tokenize(text: string, source: string): string[] {
  const tokens = splitOutsideBrackets(text, (char) => /\s/.test(char));
  if (!tokens) throw unbalanced(source);
  return tokens.filter(Boolean);
}

function unbalanced(source: string): SimwatchError {
  return new SimwatchError(
    'invalid_catalogue',
    `Cannot compile pattern "${source}": unbalanced brackets`,
  );
}

function compileToken(token: string, vocabulary: Vocabulary, source: string): string {
  if (token.startsWith('{') && token.endsWith('}')) {
    const name = token.slice(1, -1);
    const phrases = vocabulary.get(name);
    if (!phrases)
      throw new SimwatchError(
        'invalid_catalogue',
        `Cannot compile pattern "${source}": no vocabulary list named "${name}"`,
      );
    return alternatives(phrases.map((phrase) => compileSequence(phrase, vocabulary, source)));
  }
  if (token.startsWith('(') && token.endsWith(')')) {
    const options = splitOutsideBrackets(token.slice(1, -1), (char) => char === '|');
    if (!options) throw unbalanced(source);
    return alternatives(
      options.map((option) => compileSequence(option.trim(), vocabulary, source)),
    );
  }
  // Regular-expression habits are mistakes here: they would be matched as written.
  if (/[()[\]{}|]/.test(token) || /\p{L}[?+*]./u.test(token) || /\p{L}[?+]$/u.test(token))
    throw new SimwatchError(
      'invalid_catalogue',
      `Cannot compile pattern "${source}": "${token}" is not a word; write choices as (a|b), ` +
        'an optional word as [word], and any ending as word*',
    );
  return compileWord(token);
}

function alternatives(sources: string[]): string {
  // A word boundary that every alternative begins with is checked once, before any of them: the
  // expression engine then rules out a position inside a word at once.
  const boundary = String.raw`\b`;
  if (sources.length > 1 && sources.every((source) => source.startsWith(boundary)))
    return `${boundary}(?:${sources.map((source) => source.slice(boundary.length)).join('|')})`;
  return `(?:${sources.join('|')})`;
}

/** One word: case rules, `*` endings, flexible hyphens and apostrophes, whole-word boundaries. */
function compileWord(word: string): string {
  if (word === '#') return number;
  if (word === '£#') return `£\\s?${number}`;
  const open = word.endsWith('*');
  const stem = open ? word.slice(0, -1) : word;
  const isAcronym = /^[A-Z0-9&£]{2,}s?$/.test(stem) && /[A-Z]/.test(stem);
  let body = '';
  for (const [index, char] of Array.from(stem).entries()) {
    if (char === '-') body += String.raw`[-‐‑–—\s]?`;
    else if (char === "'" || char === '’') body += `['’]`;
    else if (
      /\p{L}/u.test(char) &&
      !isAcronym &&
      char === char.toLowerCase() &&
      char !== char.toUpperCase()
    )
      body +=
        index === 0 || stem.length <= 3 || stem[index - 1] === '-'
          ? `[${char}${char.toUpperCase()}]`
          : char;
    else body += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  // Lower-case words also match when written all in capitals, as in headings (a word of up to three
  // letters already matches in any case).
  const upper =
    !isAcronym && stem !== stem.toUpperCase() && stem.length > 3 ? `|${escapeUpper(stem)}` : '';
  // `\b` is much faster than a look-behind; it treats accented letters as breaks, a rare cost.
  const startBoundary = /^[A-Za-z0-9]/.test(stem) ? '\\b' : '';
  const endBoundary = open ? `[${letter}]*` : /[A-Za-z0-9]$/.test(stem) ? '\\b' : '';
  return `${startBoundary}${upper ? `(?:${body}${upper})` : body}${endBoundary}`;
}

function escapeUpper(stem: string): string {
  let out = '';
  for (const char of stem.toUpperCase()) {
    if (char === '-') out += String.raw`[-‐‑–—\s]?`;
    else if (char === "'" || char === '’') out += `['’]`;
    else out += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}
