import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Catalogue, ContextCue, Indicator } from './catalogue.js';
import type { CompiledPattern } from './compile-pattern.js';
import type { Finding, Span } from './finding.js';

/** The default score a finding needs to count towards a document's labels. */
export const defaultThreshold = 0.5;

/** How many sentences either side of a match count as its surroundings. */
const neighbourhood = 4;
const maxExcerptLength = 600;

/** A pattern's match in one sentence, before the context rules score it. */
export interface Candidate {
  indicator: Indicator;
  sentence: number;
  highlights: Span[];
}

/** The sentences of a paragraph, with the critique cues found in each. */
export interface ParagraphContext {
  page: ExtractedPage;
  sentences: Span[];
  sentenceTexts: string[];
  critiqueBySentence: SentenceCues[];
  /** Matches a context rule's pattern in text from one of the sentences (see `Match`). */
  match: (sentence: number, pattern: CompiledPattern, within: string) => Match;
  catalogue: Catalogue;
}

/** Scores a match: the indicator's strength discounted by the context rules, with notes why. */
export function scoreCandidate(candidate: Candidate, context: ParagraphContext): Finding {
  const { indicator, sentence, highlights } = candidate;
  const sentenceSpan = context.sentences[sentence] ?? { start: 0, end: 0 };
  const nearby = context.sentences
    .map((_, index) => index)
    .filter((index) => index !== sentence && Math.abs(index - sentence) <= neighbourhood);
  // The words of the first of the patterns found in a sentence (or in part of it, `within`).
  const foundIn = (
    patterns: readonly CompiledPattern[],
    index: number,
    within = context.sentenceTexts[index] ?? '',
  ): string | undefined => {
    for (const pattern of patterns) {
      const matches = context.match(index, pattern, within);
      if (matches) return matches.map((found) => found[0]).join(' … ');
    }
    return undefined;
  };
  const notes: string[] = [];
  let score = indicator.strength;

  const blocker = foundIn(
    indicator.unless,
    sentence,
    aroundMatch(highlights, sentenceSpan, context.page.text),
  );
  if (blocker) {
    score *= 0.1;
    notes.push(`not counted: the sentence also says "${blocker}"`);
  }
  const nearbyBlocker = nearby.map((index) => foundIn(indicator.unlessNearby, index)).find(Boolean);
  if (nearbyBlocker) {
    score *= 0.3;
    notes.push(`discounted: a nearby sentence says "${nearbyBlocker}"`);
  }
  if (indicator.needsNearby.length > 0) {
    const support = [sentence, ...nearby].some((index) => foundIn(indicator.needsNearby, index));
    if (!support) {
      score *= 0.3;
      notes.push('discounted: nothing nearby ties it to mental health care or help-seeking');
    }
  }
  if (indicator.negatable && indicator.label !== 'assurance') {
    const negator = negationBefore(highlights, sentence, context);
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
  const nearbyCritique = nearby
    .map((index) => context.critiqueBySentence[index]?.nearby ?? noCue)
    .reduce((best, cue) => (cue.weight > best.weight ? cue : best), noCue);
  if (isFeature && nearbyCritique.weight > 0) {
    score *= 1 - 0.6 * nearbyCritique.weight;
    notes.push(`discounted: critique or prohibition nearby (${nearbyCritique.note})`);
  }

  const excerpt = excerptSpan(sentenceSpan, highlights);
  return {
    label: indicator.label,
    indicator: indicator.id,
    reason: indicator.reason,
    proposedBy: [{ id: indicator.id, reason: indicator.reason }],
    excerpt: context.page.text.slice(excerpt.start, excerpt.end),
    page: context.page.number,
    pages: [context.page.number],
    start: excerpt.start,
    end: excerpt.end,
    score: Math.round(score * 1000) / 1000,
    highlights,
    stance: indicator.label === 'assurance' ? 'assurance' : 'practice',
    explanation: [],
    against: [],
    nearest: null,
    modelVersion: null,
    context: notes,
  };
}

interface CueHit {
  weight: number;
  note: string;
}

/** The strongest critique cues in a sentence: for any label, for features, and for neighbours. */
export interface SentenceCues {
  any: CueHit;
  features: CueHit;
  /** The strongest cue that also counts against matches in the sentences around it. */
  nearby: CueHit;
}

const noCue: CueHit = { weight: 0, note: '' };

/**
 * The matches of each element of a pattern, or undefined when the pattern does not match.
 */
export type Match = readonly RegExpExecArray[] | undefined;

/**
 * The strongest critique cues in a sentence: of `cues` (in catalogue order), those that `match`
 * finds in it.
 */
export function critiqueIn(
  cues: readonly ContextCue[],
  match: (pattern: CompiledPattern) => Match,
): SentenceCues {
  const found: SentenceCues = { any: noCue, features: noCue, nearby: noCue };
  for (const cue of cues) {
    const strongerHere =
      cue.weight > found.features.weight ||
      (!cue.featuresOnly && cue.weight > found.any.weight) ||
      (!cue.sentenceOnly && cue.weight > found.nearby.weight);
    if (!strongerHere || !match(cue.pattern)) continue;
    const hit = { weight: cue.weight, note: cue.note };
    if (hit.weight > found.features.weight) found.features = hit;
    if (!cue.featuresOnly && hit.weight > found.any.weight) found.any = hit;
    if (!cue.sentenceOnly && hit.weight > found.nearby.weight) found.nearby = hit;
  }
  return found;
}

function pickCue(cues: SentenceCues | undefined, isFeature: boolean): CueHit {
  if (!cues) return noCue;
  return isFeature ? cues.features : cues.any;
}

/** The text of the sentence within 150 characters either side of the matched words. */
function aroundMatch(highlights: Span[], sentence: Span, text: string): string {
  const start = Math.max(sentence.start, (highlights[0]?.start ?? sentence.start) - 150);
  const end = Math.min(
    sentence.end,
    (highlights[highlights.length - 1]?.end ?? sentence.end) + 150,
  );
  return text.slice(start, end);
}

/** Looks for a negating word shortly before the match, or between its parts. */
function negationBefore(
  highlights: Span[],
  sentenceIndex: number,
  context: ParagraphContext,
): string | undefined {
  const sentence = context.sentences[sentenceIndex] ?? { start: 0, end: 0 };
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
    const found = context.match(sentenceIndex, pattern, windowText)?.[0];
    if (found) return found[0];
  }
  return undefined;
}

/** A sentence that assures the practice is not used is not also evidence of that practice. */
export function suppressFeaturesInAssurances(
  scored: { sentence: number; finding: Finding }[],
): void {
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
