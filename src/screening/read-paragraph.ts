import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Indicator } from './catalogue.js';
import type { CompiledPattern } from './compile-pattern.js';
import type { Finding, Span } from './finding.js';
import { analyseSentence, quoteOffsets, type SentenceAnalysis } from './model/analyse-passage.js';
import { findWords, type FoundWords } from './find-words.js';
import { patternsThatMayMatch } from './pattern-index.js';
import type { PreparedCatalogue } from './prepare-catalogue.js';
import {
  critiqueIn,
  scoreCandidate,
  suppressFeaturesInAssurances,
  type Candidate,
  type Match,
  type ParagraphContext,
} from './score-finding.js';
import { splitParagraphs, splitSentences } from './split-text.js';

/** What the catalogue found in a paragraph: indicator matches, scored by its rules, and cues. */
export interface ParagraphReading {
  page: ExtractedPage;
  sentences: Span[];
  /** Each indicator match, scored by the catalogue's context rules (see `scoreCandidate`). */
  matches: { sentence: number; indicator: Indicator; finding: Finding }[];
  /** Sentences that may hold a frame that starts a candidate (the stems decide). */
  frameSentences: Set<number>;
  /** The notes of the strongest critique cues in a sentence (worked out on first use). */
  cuesOf(sentence: number): string[];
  /** A sentence read through the frames (worked out on first use). */
  analysisOf(sentence: number): SentenceAnalysis;
}

/**
 * Reads every paragraph of a page in which something could be a candidate. The indicators' and
 * frames' words are found in the page once; a paragraph with none is passed over, and each
 * sentence of the others is looked at through its share of the words found.
 */
export function readPage(page: ExtractedPage, prepared: PreparedCatalogue): ParagraphReading[] {
  const found = prepared.indicatorWords;
  findWords(prepared.indicatorFinder, page.text, 0, page.text.length, found);
  const paragraphs = splitParagraphs(page.text);
  const rows = rowsWithin(found, paragraphs);
  return paragraphs.flatMap((paragraph, index) => {
    const from = rows[2 * index] ?? 0;
    const to = rows[2 * index + 1] ?? 0;
    if (from === to && !prepared.indicatorsNeedNoWords) return [];
    return readParagraph(page, paragraph, from, prepared) ?? [];
  });
}

/**
 * Reads a paragraph whose words are rows `from...` of `prepared.indicatorWords`: runs, in each
 * sentence, only the patterns it has the words for, and notes where a starting frame may be.
 * Undefined when nothing in the paragraph could be a candidate.
 */
export function readParagraph(
  page: ExtractedPage,
  paragraph: Span,
  from: number,
  prepared: PreparedCatalogue,
): ParagraphReading | undefined {
  const { text } = page;
  const { indicatorPatterns, indicatorOf } = prepared;
  const sentences = splitSentences(text, paragraph);
  const rows = rowsWithin(prepared.indicatorWords, sentences, from);
  const candidates: Candidate[] = [];
  const frameSentences = new Set<number>();
  sentences.forEach((span, sentence) => {
    let sentenceText: string | undefined;
    // Patterns are listed indicator by indicator; the first that matches speaks for its indicator.
    let matchedIndicator: Indicator | undefined;
    const first = rows[2 * sentence] ?? 0;
    const last = rows[2 * sentence + 1] ?? 0;
    if (first === last && !prepared.indicatorsNeedNoWords) return;
    const ids = patternsThatMayMatch(indicatorPatterns, prepared.indicatorWords, first, last);
    // The candidate rules' patterns are numbered after every indicator's.
    if (ids.some((id) => id >= indicatorOf.length)) frameSentences.add(sentence);
    for (const id of ids) {
      const indicator = indicatorOf[id];
      if (!indicator || indicator === matchedIndicator) continue;
      const pattern = indicatorPatterns.patterns[id];
      if (!pattern) continue;
      sentenceText ??= text.slice(span.start, span.end);
      const matches = matchPattern(pattern, sentenceText);
      if (matches) {
        matchedIndicator = indicator;
        candidates.push({ indicator, sentence, highlights: highlightsOf(matches, span.start) });
      }
    }
  });
  if (candidates.length === 0 && frameSentences.size === 0) return undefined;
  // The context rules are read only when needed: most paragraphs picked out by a frame's words
  // turn out, word by word, to hold no candidate.
  let context: ParagraphContext | undefined;
  const contextNow = () => (context ??= contextOf(page, paragraph, sentences, prepared));
  const scored = candidates.map((candidate) => ({
    sentence: candidate.sentence,
    indicator: candidate.indicator,
    finding: scoreCandidate(candidate, contextNow()),
  }));
  suppressFeaturesInAssurances(scored);
  const cues = new Map<number, string[]>();
  const analyses = new Map<number, SentenceAnalysis>();
  let quotes: number[] | undefined;
  return {
    page,
    sentences,
    matches: scored,
    frameSentences,
    cuesOf(sentence) {
      let found = cues.get(sentence);
      if (!found) cues.set(sentence, (found = cuesIn(sentence, contextNow())));
      return found;
    },
    analysisOf(sentence) {
      let analysis = analyses.get(sentence);
      if (!analysis) {
        quotes ??= quoteOffsets(text, paragraph);
        const span = sentences[sentence] ?? { start: 0, end: 0 };
        analysis = analyseSentence(text, span, prepared.frameIndex, quotes);
        analyses.set(sentence, analysis);
      }
      return analysis;
    },
  };
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

/** The context rules' view of a paragraph: which of their patterns each sentence could match. */
function contextOf(
  page: ExtractedPage,
  paragraph: Span,
  sentences: Span[],
  prepared: PreparedCatalogue,
): ParagraphContext {
  const { text } = page;
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
  return {
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
}

/**
 * The notes of the strongest critique cues in a sentence (see `critiqueIn`): those the catalogue's
 * rules weigh, found without running any weaker cue.
 */
function cuesIn(sentence: number, context: ParagraphContext): string[] {
  const found = context.critiqueBySentence[sentence];
  if (!found) return [];
  return [
    ...new Set(
      [found.any, found.features, found.nearby]
        .filter((cue) => cue.weight > 0)
        .map((cue) => cue.note),
    ),
  ];
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
