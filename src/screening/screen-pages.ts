import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Catalogue, ContextCue, Indicator } from './catalogue.js';
import type { CompiledPattern } from './compile-pattern.js';
import type { Finding, Span } from './finding.js';
import { buildPatternIndex, patternsThatMayMatch, type PatternIndex } from './pattern-index.js';
import {
  critiqueIn,
  type Match,
  scoreCandidate,
  suppressFeaturesInAssurances,
  type Candidate,
} from './score-finding.js';
import { splitParagraphs, splitSentences } from './split-text.js';
import { lowerCaseOf } from './word-table.js';

/** A catalogue prepared for fast screening: all its patterns indexed by the words they need. */
export interface PreparedCatalogue {
  catalogue: Catalogue;
  /** The indicators' patterns, in catalogue order. */
  indicatorPatterns: PatternIndex;
  /** The indicator of each indicator pattern, by pattern number. */
  indicatorOf: Indicator[];
  /**
   * The context rules' patterns (critique cues, negation, unless...): looked for only in
   * paragraphs where an indicator matched.
   */
  contextPatterns: PatternIndex;
  /** The number of each context rule's pattern in `contextPatterns`. */
  contextPatternIds: ReadonlyMap<CompiledPattern, number>;
  /** By context pattern number: the critique cue it belongs to, if any. */
  cueOf: (ContextCue | undefined)[];
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
  return {
    catalogue,
    indicatorPatterns: buildPatternIndex(indicatorPatterns.map(({ pattern }) => pattern)),
    indicatorOf: indicatorPatterns.map(({ indicator }) => indicator),
    contextPatterns: buildPatternIndex([...contextPatterns]),
    contextPatternIds: new Map([...contextPatterns].map((pattern, id) => [pattern, id])),
    cueOf: [...contextPatterns].map((pattern) =>
      catalogue.critique.find((cue) => cue.pattern === pattern),
    ),
  };
}

/** Screens pages of text with the catalogue and returns every finding, whatever its score. */
export function screenPages(
  pages: readonly ExtractedPage[],
  prepared: PreparedCatalogue,
): Finding[] {
  return pages.flatMap((page) => screenPage(page, prepared));
}

function screenPage(page: ExtractedPage, prepared: PreparedCatalogue): Finding[] {
  const lower = lowerCaseOf(page.text);
  return splitParagraphs(page.text).flatMap((paragraph) =>
    screenParagraph(page, lower, paragraph, prepared),
  );
}

/**
 * Reads each sentence's words once to learn which patterns could match it, and runs only those:
 * the indicators' patterns first, then, where one matched, the context rules around it.
 */
function screenParagraph(
  page: ExtractedPage,
  lower: string,
  paragraph: Span,
  prepared: PreparedCatalogue,
): Finding[] {
  const { text } = page;
  const { indicatorPatterns, indicatorOf } = prepared;
  const sentences = splitSentences(text, paragraph);
  const candidates: Candidate[] = [];
  sentences.forEach((span, sentence) => {
    let sentenceText: string | undefined;
    // Patterns are listed indicator by indicator; the first that matches speaks for its indicator.
    let matchedIndicator: Indicator | undefined;
    for (const id of patternsThatMayMatch(indicatorPatterns, lower, span.start, span.end)) {
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
  const listedBySentence = sentences.map((span) =>
    patternsThatMayMatch(contextPatterns, lower, span.start, span.end),
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
  if (
    pattern.elements.length > 1 &&
    !pattern.elementsShortestFirst.every((element) => element.test(text))
  )
    return undefined;
  const matches: RegExpExecArray[] = [];
  for (const element of pattern.elements) {
    const found = element.exec(text);
    if (!found) return undefined;
    matches.push(found);
  }
  return matches;
}

function highlightsOf(matches: readonly RegExpExecArray[], offset: number): Span[] {
  return matches
    .map((found) => ({ start: offset + found.index, end: offset + found.index + found[0].length }))
    .sort((a, b) => a.start - b.start);
}
