import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Catalogue, Indicator } from './catalogue.js';
import type { CompiledPattern, PatternForm } from './compile-pattern.js';
import type { Finding, Span } from './finding.js';
import { buildPatternIndex, formsThatMayMatch, type PatternIndex } from './pattern-index.js';
import {
  critiqueIn,
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
    let decided = -1;
    for (const formId of formsThatMayMatch(indicatorPatterns, lower, span.start, span.end)) {
      const patternId = indicatorPatterns.patternOf[formId] ?? -1;
      const indicator = indicatorOf[patternId];
      const pattern = indicatorPatterns.patterns[patternId];
      const form = indicatorPatterns.forms[formId];
      if (!indicator || !pattern || !form) continue;
      if (indicator === matchedIndicator || patternId === decided) continue;
      sentenceText ??= text.slice(span.start, span.end);
      if (form !== pattern && !matchesAll(form, sentenceText)) continue;
      // One of its forms matched: the whole pattern decides, and gives the highlights.
      decided = patternId;
      const highlights = matchPattern(pattern, sentenceText);
      if (highlights) {
        matchedIndicator = indicator;
        candidates.push({ indicator, sentence, highlights: shift(highlights, span.start) });
      }
    }
  });
  if (candidates.length === 0) return [];

  const sentenceTexts = sentences.map((span) => text.slice(span.start, span.end));
  const { contextPatterns } = prepared;
  const listedBySentence = sentences.map(
    (span) => new Set(formsThatMayMatch(contextPatterns, lower, span.start, span.end)),
  );
  const mayMatch = (sentence: number, pattern: CompiledPattern, within: string): boolean => {
    const id = prepared.contextPatternIds.get(pattern);
    const listed = listedBySentence[sentence];
    if (id === undefined || !listed) return true;
    return (contextPatterns.formsOf[id] ?? []).some((formId) => {
      const form = contextPatterns.forms[formId];
      return (
        form !== undefined && listed.has(formId) && (form === pattern || matchesAll(form, within))
      );
    });
  };
  const context = {
    page,
    sentences,
    sentenceTexts,
    critiqueBySentence: sentenceTexts.map((sentenceText, sentence) =>
      critiqueIn(sentenceText, prepared.catalogue, (pattern) =>
        mayMatch(sentence, pattern, sentenceText),
      ),
    ),
    mayMatch,
    catalogue: prepared.catalogue,
  };
  const scored = candidates.map((candidate) => ({
    sentence: candidate.sentence,
    finding: scoreCandidate(candidate, context),
  }));
  suppressFeaturesInAssurances(scored);
  return scored.map(({ finding }) => finding);
}

function matchesAll(form: PatternForm, text: string): boolean {
  return form.elements.every((element) => element.test(text));
}

/** Returns the highlights of a pattern when its every element is found in the text. */
function matchPattern(pattern: CompiledPattern, text: string): Span[] | undefined {
  const highlights: Span[] = [];
  for (const element of pattern.elements) {
    const match = element.exec(text);
    if (!match) return undefined;
    highlights.push({ start: match.index, end: match.index + match[0].length });
  }
  return highlights.sort((a, b) => a.start - b.start);
}

function shift(spans: Span[], offset: number): Span[] {
  return spans.map((span) => ({ start: span.start + offset, end: span.end + offset }));
}
