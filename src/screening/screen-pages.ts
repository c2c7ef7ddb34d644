import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Catalogue, ContextCue, Indicator } from './catalogue.js';
import type { CompiledPattern } from './compile-pattern.js';
import type { Finding, Span } from './finding.js';
import {
  buildPatternIndex,
  mayMatchWithoutWords,
  patternsThatMayMatch,
  type PatternIndex,
} from './pattern-index.js';
import {
  critiqueIn,
  type Match,
  scoreCandidate,
  suppressFeaturesInAssurances,
  type Candidate,
} from './score-finding.js';
import { splitParagraphs, splitSentences } from './split-text.js';
import {
  createFoundWords,
  createWordFinder,
  findWords,
  type FoundWords,
  type WordFinder,
} from './find-words.js';

/** A catalogue prepared for fast screening: all its patterns indexed by the words they need. */
export interface PreparedCatalogue {
  catalogue: Catalogue;
  /** The indicators' patterns, in catalogue order. */
  indicatorPatterns: PatternIndex;
  /** The indicator of each indicator pattern, by pattern number. */
  indicatorOf: Indicator[];
  /** Whether an indicator could match a paragraph with none of their words (not in simwatch's). */
  indicatorsNeedNoWords: boolean;
  /**
   * The context rules' patterns (critique cues, negation, unless...): looked for only in
   * paragraphs where an indicator matched.
   */
  contextPatterns: PatternIndex;
  /** The number of each context rule's pattern in `contextPatterns`. */
  contextPatternIds: ReadonlyMap<CompiledPattern, number>;
  /** By context pattern number: the critique cue it belongs to, if any. */
  cueOf: (ContextCue | undefined)[];
  /** Find the words of each index in a text. */
  indicatorFinder: WordFinder;
  contextFinder: WordFinder;
  /** Scratch space: the indicators' words found in a page, and the context rules' in a paragraph. */
  indicatorWords: FoundWords;
  contextWords: FoundWords;
}

/** Numbers every pattern of the catalogue and indexes the words each needs. */
export function prepareCatalogue(catalogue: Catalogue): PreparedCatalogue {
  const indicatorPatterns = catalogue.indicators.flatMap((indicator) =>
    indicator.patterns.map((pattern) => ({ indicator, pattern })),
  );
  const contextPatterns = new Set([
    ...catalogue.indicators.flatMap((indicator) => [
      ...indicator.unless,
      ...indicator.unlessNearby,
      ...indicator.needsNearby,
    ]),
    ...catalogue.critique.map((cue) => cue.pattern),
    ...catalogue.negation,
  ]);
  const indicatorIndex = buildPatternIndex(indicatorPatterns.map(({ pattern }) => pattern));
  const contextIndex = buildPatternIndex([...contextPatterns], { checkConditions: false });
  return {
    catalogue,
    indicatorPatterns: indicatorIndex,
    indicatorOf: indicatorPatterns.map(({ indicator }) => indicator),
    indicatorsNeedNoWords: mayMatchWithoutWords(indicatorIndex),
    contextPatterns: contextIndex,
    contextPatternIds: new Map([...contextPatterns].map((pattern, id) => [pattern, id])),
    cueOf: [...contextPatterns].map((pattern) =>
      catalogue.critique.find((cue) => cue.pattern === pattern),
    ),
    indicatorFinder: createWordFinder(indicatorIndex.words),
    contextFinder: createWordFinder(contextIndex.words),
    indicatorWords: createFoundWords(),
    contextWords: createFoundWords(),
  };
}

/** Screens pages of text with the catalogue and returns every finding, whatever its score. */
export function screenPages(
  pages: readonly ExtractedPage[],
  prepared: PreparedCatalogue,
): Finding[] {
  return pages.flatMap((page) => screenPage(page, prepared));
}

/**
 * Finds the indicators' words in the page once; a paragraph with none is passed over, and each
 * sentence of the others is looked at through its share of the words found.
 */
function screenPage(page: ExtractedPage, prepared: PreparedCatalogue): Finding[] {
  const found = prepared.indicatorWords;
  findWords(prepared.indicatorFinder, page.text, 0, page.text.length, found);
  const paragraphs = splitParagraphs(page.text);
  const rows = rowsWithin(found, paragraphs);
  return paragraphs.flatMap((paragraph, index) => {
    const from = rows[2 * index] ?? 0;
    const to = rows[2 * index + 1] ?? 0;
    if (from === to && !prepared.indicatorsNeedNoWords) return [];
    return screenParagraph(page, paragraph, from, prepared);
  });
}

/**
 * The rows of `found` within each of `spans` (in order of position, not overlapping): those of
 * span `i` are `[rows[2i], rows[2i + 1])`. Rows before `from` are not counted.
 */
function rowsWithin(found: FoundWords, spans: readonly Span[], from = 0): number[] {
  const { positions } = found;
  const rows: number[] = [];
  let row = from;
  for (const span of spans) {
    while (row < positions.length && (positions[row] ?? 0) < span.start) row += 1;
    rows.push(row);
    while (row < positions.length && (positions[row] ?? 0) < span.end) row += 1;
    rows.push(row);
  }
  return rows;
}

/**
 * Runs, in each sentence, only the patterns it has the words for (`from`: the first row of the
 * paragraph's words in `prepared.indicatorWords`): the indicators' patterns first, then, where
 * one matched, the context rules around it.
 */
function screenParagraph(
  page: ExtractedPage,
  paragraph: Span,
  from: number,
  prepared: PreparedCatalogue,
): Finding[] {
  const { text } = page;
  const { indicatorPatterns, indicatorOf } = prepared;
  const sentences = splitSentences(text, paragraph);
  const rows = rowsWithin(prepared.indicatorWords, sentences, from);
  const candidates: Candidate[] = [];
  sentences.forEach((span, sentence) => {
    let sentenceText: string | undefined;
    // Patterns are listed indicator by indicator; the first that matches speaks for its indicator.
    let matchedIndicator: Indicator | undefined;
    const from = rows[2 * sentence] ?? 0;
    const to = rows[2 * sentence + 1] ?? 0;
    if (from === to && !prepared.indicatorsNeedNoWords) return;
    const ids = patternsThatMayMatch(indicatorPatterns, prepared.indicatorWords, from, to);
    for (const id of ids) {
      const indicator = indicatorOf[id];
      const pattern = indicatorPatterns.patterns[id];
      if (!indicator || !pattern || indicator === matchedIndicator) continue;
      sentenceText ??= text.slice(span.start, span.end);
      const matches = matchPattern(pattern, sentenceText);
      if (matches) {
        matchedIndicator = indicator;
        candidates.push({ indicator, sentence, highlights: highlightsOf(matches, span.start) });
      }
    }
  });
  if (candidates.length === 0) return [];

  const sentenceTexts = sentences.map((span) => text.slice(span.start, span.end));
  const { contextPatterns, contextPatternIds, cueOf } = prepared;
  const contextWords = prepared.contextWords;
  findWords(prepared.contextFinder, text, paragraph.start, paragraph.end, contextWords);
  const contextRows = rowsWithin(contextWords, sentences);
  const listedBySentence = sentences.map((_, sentence) =>
    patternsThatMayMatch(
      contextPatterns,
      contextWords,
      contextRows[2 * sentence] ?? 0,
      contextRows[2 * sentence + 1] ?? 0,
    ),
  );
  // Which context patterns each sentence could match, as a table of flags: sentence by pattern.
  const count = contextPatterns.patterns.length;
  const listed = new Uint8Array(sentences.length * count);
  listedBySentence.forEach((ids, sentence) => {
    for (const id of ids) listed[sentence * count + id] = 1;
  });
  const match = (sentence: number, pattern: CompiledPattern, within: string): Match => {
    const id = contextPatternIds.get(pattern);
    const mayMatch = id === undefined || listed[sentence * count + id] === 1;
    return mayMatch ? matchPattern(pattern, within) : undefined;
  };
  const context = {
    page,
    sentences,
    sentenceTexts,
    critiqueBySentence: listedBySentence.map((ids, sentence) => {
      // Only the cues the sentence has the words for, in catalogue order.
      const cues = ids.map((id) => cueOf[id]).filter((cue) => cue !== undefined);
      const sentenceText = sentenceTexts[sentence] ?? '';
      return critiqueIn(cues, (pattern) => matchPattern(pattern, sentenceText));
    }),
    match,
    catalogue: prepared.catalogue,
  };
  const scored = candidates.map((candidate) => ({
    sentence: candidate.sentence,
    finding: scoreCandidate(candidate, context),
  }));
  suppressFeaturesInAssurances(scored);
  return scored.map(({ finding }) => finding);
}

/**
 * The match of each element of a pattern in the text, or undefined unless every element is
 * found. The shortest elements are tried first: they rule a text out soonest.
 */
function matchPattern(pattern: CompiledPattern, text: string): Match {
  const matches: RegExpExecArray[] = [];
  for (const index of pattern.shortestFirst) {
    const found = pattern.elements[index]?.exec(text);
    if (!found) return undefined;
    matches[index] = found;
  }
  return matches;
}

function highlightsOf(matches: readonly RegExpExecArray[], offset: number): Span[] {
  return matches
    .map((found) => ({ start: offset + found.index, end: offset + found.index + found[0].length }))
    .sort((a, b) => a.start - b.start);
}
