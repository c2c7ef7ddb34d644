import type { ExtractedPage } from '../extract/extracted-document.js';
import { isEvidenceLabel, type EvidenceLabel, type Finding, type Span } from './finding.js';
import { combineSentences, type PassageAnalysis } from './model/analyse-passage.js';
import {
  passageFeatures,
  type CatalogueSignals,
  type PassageFeatures,
} from './model/passage-features.js';
import type { PreparedCatalogue } from './prepare-catalogue.js';
import type { ParagraphReading } from './read-paragraph.js';
import { defaultThreshold } from './score-finding.js';

/** What proposed a passage for a label: an indicator, or a frame. */
export interface Proposal {
  label: EvidenceLabel;
  /** The indicator's id, or `frame:` and the frame's name. */
  id: string;
  reason: string;
  highlights: Span[];
}

/** A passage the model reads: a window of sentences around the candidates in a paragraph. */
export interface PassageReading {
  page: ExtractedPage;
  /** The characters of the window in the page's text. */
  span: Span;
  analysis: PassageAnalysis;
  /** The labels its candidates proposed, each with what proposed it. */
  proposals: Proposal[];
  /** The indicators' matches in the window, scored by the catalogue's rules (assurances too). */
  ruleFindings: Finding[];
  /** The catalogue's indicators and cues found in the window, which the model also weighs. */
  signals: CatalogueSignals;
  /** The passage's features by name (worked out on first use: screening does without names). */
  features(): PassageFeatures;
}

/**
 * A paragraph up to this size is read whole (as nearly all labelled passages are); a longer one
 * in windows of three sentences around each candidate.
 */
const wholeParagraph = { sentences: 3, characters: 700 };

/** The passages of a paragraph worth judging: windows around its candidate sentences. */
export function passagesOf(
  reading: ParagraphReading,
  prepared: PreparedCatalogue,
): PassageReading[] {
  const { sentences } = reading;
  const last = sentences.length - 1;
  const length = (sentences[last]?.end ?? 0) - (sentences[0]?.start ?? 0);
  if (sentences.length <= wholeParagraph.sentences && length <= wholeParagraph.characters)
    return readWindow(reading, 0, last, prepared);
  const candidates = new Set([
    ...reading.matches.map(({ sentence }) => sentence),
    ...reading.frameSentences,
  ]);
  return [...candidates]
    .sort((a, b) => a - b)
    .flatMap((sentence) =>
      readWindow(reading, Math.max(0, sentence - 1), Math.min(last, sentence + 1), prepared),
    );
}

/** The whole of a paragraph as one passage (a labelled training passage is read this way). */
export function wholePassageOf(
  reading: ParagraphReading,
  prepared: PreparedCatalogue,
): PassageReading | undefined {
  return readWindow(reading, 0, reading.sentences.length - 1, prepared)[0];
}

/** Reads sentences `first..last` of a paragraph; empty unless some candidate proposes a label. */
function readWindow(
  reading: ParagraphReading,
  first: number,
  last: number,
  prepared: PreparedCatalogue,
): PassageReading[] {
  const spans = reading.sentences.slice(first, last + 1);
  const analysis = combineSentences(spans.map((_, offset) => reading.analysisOf(first + offset)));
  // The labelling guide: a fragment (a table cell, a heading, a run of bullets) is not a passage.
  const complete = (sentence: number) =>
    isCompleteSentence(
      reading.page.text,
      reading.sentences[sentence],
      reading.analysisOf(sentence),
    );
  const inWindow = reading.matches.filter(
    ({ sentence }) => sentence >= first && sentence <= last && complete(sentence),
  );
  const proposals: Proposal[] = [];
  for (const { indicator, finding } of inWindow) {
    if (!isEvidenceLabel(indicator.label)) continue;
    proposals.push({
      label: indicator.label,
      id: indicator.id,
      reason: indicator.reason,
      highlights: finding.highlights,
    });
  }
  const { frames, candidates } = prepared.catalogue;
  for (let sentence = first; sentence <= last; sentence += 1) {
    // Only sentences the word finder picked out (see candidate-patterns), in training as in screening.
    if (!reading.frameSentences.has(sentence) || !complete(sentence)) continue;
    const { frames: hits, present, tokens } = reading.analysisOf(sentence);
    for (const rule of candidates) {
      if (rule.with.length > 0 && !rule.with.some((frame) => present[frame] === 1)) continue;
      for (const hit of hits) {
        if (!rule.frames.includes(hit.frame)) continue;
        const frame = frames[hit.frame];
        proposals.push({
          label: rule.label,
          id: `frame:${frame?.name ?? hit.frame}`,
          reason: frame?.means ?? '',
          highlights: [{ start: tokens[hit.first]?.start ?? 0, end: tokens[hit.last]?.end ?? 0 }],
        });
      }
    }
  }
  const ruleFindings = inWindow.map(({ finding }) => finding);
  if (proposals.length === 0 && !ruleFindings.some((finding) => finding.label === 'assurance'))
    return [];
  const cues = new Set<string>();
  for (let sentence = first; sentence <= last; sentence += 1)
    for (const note of reading.cuesOf(sentence)) cues.add(note);
  const signals = {
    indicators: inWindow.map(({ indicator }) => indicator.id),
    counted: ruleFindings
      .filter((finding) => finding.score >= defaultThreshold)
      .map((finding) => finding.indicator),
    cues: [...cues],
  };
  let named: PassageFeatures | undefined;
  const span = { start: spans[0]?.start ?? 0, end: spans[spans.length - 1]?.end ?? 0 };
  return [
    {
      page: reading.page,
      span,
      analysis,
      proposals,
      ruleFindings,
      signals,
      features: () => (named ??= passageFeatures(analysis, frames, signals)),
    },
  ];
}

/** The fewest words a sentence without a full stop needs to count as a sentence, not a fragment. */
const wordsWithoutFullStop = 12;

/** Three list markers in a sentence make it a run of bullets or table cells. */
const listMarkers = /(?:^|\s)[•▪◦+|](?=\s)/g;
const markersOfAList = 3;

/**
 * Whether a sentence is a sentence: not a run of bullets or table cells, and ending with a full
 * stop, question or exclamation mark (perhaps then a closing quotation mark or bracket), unless
 * it is long enough not to be a heading or a cell.
 */
function isCompleteSentence(
  text: string,
  span: Span | undefined,
  analysis: { tokens: readonly unknown[] },
): boolean {
  if (!span) return false;
  const sentence = text.slice(span.start, span.end);
  if ((sentence.match(listMarkers)?.length ?? 0) >= markersOfAList) return false;
  if (analysis.tokens.length >= wordsWithoutFullStop) return true;
  let end = span.end - 1;
  while (end > span.start && /["'”’)\]]/.test(text[end] ?? '')) end -= 1;
  return /[.!?…]/.test(text[end] ?? '');
}
