import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Catalogue, Indicator } from './catalogue.js';
import type { CompiledPattern } from './compile-pattern.js';
import type { Finding, Span } from './finding.js';
import {
  buildAnchorIndex,
  findAnchorHits,
  meetsRequirement,
  wordsOf,
  type AnchorHit,
  type AnchorIndex,
  type AnchorWords,
} from './pattern-anchors.js';
import {
  critiqueIn,
  scoreCandidate,
  suppressFeaturesInAssurances,
  type Candidate,
} from './score-finding.js';
import { splitParagraphs, splitSentences } from './split-text.js';

/** A catalogue prepared for fast screening: its patterns numbered and indexed by anchor word. */
export interface PreparedCatalogue {
  catalogue: Catalogue;
  /** Every indicator's patterns in one list, numbered as in `anchorIndex`. */
  patterns: { indicator: Indicator; pattern: CompiledPattern }[];
  anchorIndex: AnchorIndex;
  /** Scratch space: the number of the sentence that last listed each pattern. */
  seen: Float64Array;
  sentenceCount: number;
}

/** Numbers every pattern and indexes its anchor words. */
export function prepareCatalogue(catalogue: Catalogue): PreparedCatalogue {
  const patterns = catalogue.indicators.flatMap((indicator) =>
    indicator.patterns.map((pattern) => ({ indicator, pattern })),
  );
  const anchorIndex = buildAnchorIndex(patterns.map(({ pattern }) => pattern.anchors));
  return {
    catalogue,
    patterns,
    anchorIndex,
    seen: new Float64Array(patterns.length),
    sentenceCount: 0,
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
 * Finds the anchor words first: a paragraph with none cannot match any pattern, and within a
 * paragraph only the patterns anchored in a sentence are run on it.
 */
function screenPage(page: ExtractedPage, prepared: PreparedCatalogue): Finding[] {
  const hits = findAnchorHits(prepared.anchorIndex, page.text);
  const always = prepared.anchorIndex.always;
  if (hits.length === 0 && always.length === 0) return [];
  const findings: Finding[] = [];
  let next = 0;
  for (const paragraph of splitParagraphs(page.text)) {
    while (next < hits.length && (hits[next]?.position ?? 0) < paragraph.start) next += 1;
    const first = next;
    while (next < hits.length && (hits[next]?.position ?? Infinity) < paragraph.end) next += 1;
    if (first === next && always.length === 0) continue;
    findings.push(...screenParagraph(page, paragraph, hits.slice(first, next), prepared));
  }
  return findings;
}

function screenParagraph(
  page: ExtractedPage,
  paragraph: Span,
  hits: readonly AnchorHit[],
  prepared: PreparedCatalogue,
): Finding[] {
  const { catalogue } = prepared;
  const { text } = page;
  const sentences = splitSentences(text, paragraph);
  const sentenceTexts = sentences.map((span) => text.slice(span.start, span.end));
  const candidates: Candidate[] = [];
  let nextHit = 0;
  sentences.forEach((span, index) => {
    const anchored = [...prepared.anchorIndex.always];
    prepared.sentenceCount += 1;
    const stamp = prepared.sentenceCount;
    // Hits and sentences are both in text order, so one pointer walks the hits once.
    while (nextHit < hits.length && (hits[nextHit]?.position ?? 0) < span.start) nextHit += 1;
    while (nextHit < hits.length && (hits[nextHit]?.position ?? Infinity) < span.end) {
      for (const id of hits[nextHit]?.ids ?? []) {
        // A stamp per pattern avoids building a set for every sentence.
        if (prepared.seen[id] !== stamp) {
          prepared.seen[id] = stamp;
          anchored.push(id);
        }
      }
      nextHit += 1;
    }
    if (anchored.length === 0) return;
    const list = wordsOf(sentenceTexts[index] ?? '');
    const words = new Set(list);
    const checked = new Map<AnchorWords, boolean>();
    const meets = (required: AnchorWords): boolean => {
      let met = checked.get(required);
      if (met === undefined) {
        met = meetsRequirement(words, list, required);
        checked.set(required, met);
      }
      return met;
    };
    // Patterns are listed indicator by indicator; the first that matches speaks for its indicator.
    let matchedIndicator: Indicator | undefined;
    for (const id of anchored.sort((a, b) => a - b)) {
      const entry = prepared.patterns[id];
      if (!entry || entry.indicator === matchedIndicator) continue;
      // Cheap word checks first: the expressions run only when every required part could be there.
      if (!entry.pattern.requirements.every(meets)) continue;
      const highlights = matchPattern(entry.pattern, sentenceTexts[index] ?? '');
      if (highlights) {
        matchedIndicator = entry.indicator;
        candidates.push({
          indicator: entry.indicator,
          sentence: index,
          highlights: shift(highlights, span.start),
        });
      }
    }
  });
  if (candidates.length === 0) return [];

  const critiqueBySentence = sentenceTexts.map((sentenceText) =>
    critiqueIn(sentenceText, catalogue),
  );
  const scored = candidates.map((candidate) => ({
    sentence: candidate.sentence,
    finding: scoreCandidate(candidate, {
      page,
      sentences,
      sentenceTexts,
      critiqueBySentence,
      catalogue,
    }),
  }));
  suppressFeaturesInAssurances(scored);
  return scored.map(({ finding }) => finding);
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
