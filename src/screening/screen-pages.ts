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
import { splitParagraphs, splitSentences } from './split-text.js';

/** The default score a finding needs to count towards a document's labels. */
export const defaultThreshold = 0.5;

/** How many sentences either side of a match count as its surroundings. */
const neighbourhood = 4;
const maxExcerptLength = 600;

interface Candidate {
  indicator: Indicator;
  sentence: number;
  highlights: Span[];
}

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

interface ParagraphContext {
  page: ExtractedPage;
  sentences: Span[];
  sentenceTexts: string[];
  critiqueBySentence: SentenceCues[];
  catalogue: Catalogue;
}

function scoreCandidate(candidate: Candidate, context: ParagraphContext): Finding {
  const { indicator, sentence, highlights } = candidate;
  const sentenceText = context.sentenceTexts[sentence] ?? '';
  const sentenceSpan = context.sentences[sentence] ?? { start: 0, end: 0 };
  const nearbyTexts = context.sentenceTexts.filter(
    (_, index) => index !== sentence && Math.abs(index - sentence) <= neighbourhood,
  );
  const notes: string[] = [];
  let score = indicator.strength;

  const blocker = firstMatch(
    indicator.unless,
    aroundMatch(highlights, sentenceSpan, context.page.text),
  );
  if (blocker) {
    score *= 0.1;
    notes.push(`not counted: the sentence also says "${blocker}"`);
  }
  const nearbyBlocker = nearbyTexts.map((t) => firstMatch(indicator.unlessNearby, t)).find(Boolean);
  if (nearbyBlocker) {
    score *= 0.3;
    notes.push(`discounted: a nearby sentence says "${nearbyBlocker}"`);
  }
  if (indicator.needsNearby.length > 0) {
    const support = [sentenceText, ...nearbyTexts].some((t) =>
      firstMatch(indicator.needsNearby, t),
    );
    if (!support) {
      score *= 0.3;
      notes.push('discounted: nothing nearby ties it to mental health care or help-seeking');
    }
  }
  if (indicator.negatable && indicator.label !== 'assurance') {
    const negator = negationBefore(highlights, sentenceSpan, context);
    if (negator) {
      score *= 0.15;
      notes.push(`not counted: negated by "${negator}"`);
    }
  }
  const isFeature = indicator.label !== 'assurance';
  const own = pickCue(context.critiqueBySentence[sentence], isFeature);
  if (own.weight > 0) {
    score *= 1 - 0.85 * own.weight;
    notes.push(`discounted: critique or prohibition in the sentence (${own.note})`);
  }
  const nearbyCritique = context.critiqueBySentence
    .filter((_, index) => index !== sentence && Math.abs(index - sentence) <= neighbourhood)
    .map((cues) => pickCue(cues, isFeature))
    .reduce((best, cue) => (cue.weight > best.weight ? cue : best), noCue);
  if (isFeature && nearbyCritique.weight > 0) {
    score *= 1 - 0.55 * nearbyCritique.weight;
    notes.push(`discounted: critique or prohibition nearby (${nearbyCritique.note})`);
  }

  const excerpt = excerptSpan(sentenceSpan, highlights);
  return {
    label: indicator.label,
    indicator: indicator.id,
    reason: indicator.reason,
    excerpt: context.page.text.slice(excerpt.start, excerpt.end),
    page: context.page.number,
    start: excerpt.start,
    end: excerpt.end,
    score: Math.round(score * 1000) / 1000,
    highlights,
    context: notes,
  };
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

function firstMatch(patterns: readonly CompiledPattern[], text: string): string | undefined {
  for (const pattern of patterns) {
    if (pattern.elements.every((element) => element.test(text))) {
      return pattern.elements.map((element) => element.exec(text)?.[0] ?? '').join(' … ');
    }
  }
  return undefined;
}

interface CueHit {
  weight: number;
  note: string;
}

/** The strongest critique cue in a sentence: for any label, and for features only. */
interface SentenceCues {
  any: CueHit;
  features: CueHit;
}

const noCue: CueHit = { weight: 0, note: '' };

function critiqueIn(text: string, catalogue: Catalogue): SentenceCues {
  const cues: SentenceCues = { any: noCue, features: noCue };
  for (const cue of catalogue.critique) {
    const strongerHere =
      cue.weight > cues.features.weight || (!cue.featuresOnly && cue.weight > cues.any.weight);
    if (!strongerHere || !cue.pattern.elements.every((element) => element.test(text))) continue;
    const hit = { weight: cue.weight, note: cue.note };
    if (hit.weight > cues.features.weight) cues.features = hit;
    if (!cue.featuresOnly && hit.weight > cues.any.weight) cues.any = hit;
  }
  return cues;
}

function pickCue(cues: SentenceCues | undefined, isFeature: boolean): CueHit {
  if (!cues) return noCue;
  return isFeature ? cues.features : cues.any;
}

/** The text of the sentence within 100 characters either side of the matched words. */
function aroundMatch(highlights: Span[], sentence: Span, text: string): string {
  const start = Math.max(sentence.start, (highlights[0]?.start ?? sentence.start) - 100);
  const end = Math.min(
    sentence.end,
    (highlights[highlights.length - 1]?.end ?? sentence.end) + 100,
  );
  return text.slice(start, end);
}

/** Looks for a negating word shortly before the match, or between its parts. */
function negationBefore(
  highlights: Span[],
  sentence: Span,
  context: ParagraphContext,
): string | undefined {
  const first = highlights[0];
  const last = highlights[highlights.length - 1];
  if (!first || !last) return undefined;
  // The negation must sit in the same clause: look back no further than the last comma or colon.
  const before = context.page.text.slice(Math.max(sentence.start, first.start - 24), first.start);
  const clauseBreak = Math.max(
    ...[',', ';', ':', '–', '('].map((mark) => before.lastIndexOf(mark)),
  );
  const windowStart = first.start - before.length + clauseBreak + 1;
  const windowText = context.page.text.slice(windowStart, last.end);
  for (const pattern of context.catalogue.negation) {
    const match = pattern.elements[0]?.exec(windowText);
    if (match) return match[0];
  }
  return undefined;
}

/** A sentence that assures the practice is not used is not also evidence of that practice. */
function suppressFeaturesInAssurances(scored: { sentence: number; finding: Finding }[]): void {
  const assuranceSentences = new Set(
    scored
      .filter(({ finding }) => finding.label === 'assurance' && finding.score >= defaultThreshold)
      .map(({ sentence }) => sentence),
  );
  for (const { sentence, finding } of scored) {
    if (finding.label !== 'assurance' && assuranceSentences.has(sentence)) {
      finding.score = Math.round(finding.score * 0.15 * 1000) / 1000;
      finding.context.push(
        'not counted: the sentence is an assurance that the practice is not used',
      );
    }
  }
}

function shift(spans: Span[], offset: number): Span[] {
  return spans.map((span) => ({ start: span.start + offset, end: span.end + offset }));
}

/** The sentence, or for very long sentences a window around the matched words. */
function excerptSpan(sentence: Span, highlights: Span[]): Span {
  if (sentence.end - sentence.start <= maxExcerptLength) return sentence;
  const first = highlights[0]?.start ?? sentence.start;
  const last = highlights[highlights.length - 1]?.end ?? sentence.end;
  const middle = Math.floor((first + last) / 2);
  const start = Math.max(sentence.start, Math.min(first, middle - maxExcerptLength / 2));
  const end = Math.min(sentence.end, Math.max(last, start + maxExcerptLength));
  return { start, end };
}
