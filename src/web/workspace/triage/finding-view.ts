import { isLabel, stances, type Label } from '../../../screening/finding.js';
import type { CalibrationSummary } from '../../../screening/evaluation/calibration-summary.js';
import { formatPercent } from '../../render/format-percent.js';
import { httpUrlOrNull } from '../../render/http-url.js';
import { excerptInContext, type ExcerptInContext } from './excerpt-in-context.js';
import {
  findingStatusNames,
  labelNames,
  labelPhrases,
  stanceNames,
} from '../../render/label-names.js';
import { reviewProgress } from './review-progress.js';
import { findingTitle } from '../../render/finding-title.js';
import { highlightSegments, type Segment } from '../../../screening/highlight-segments.js';
import type { TriageFinding } from '../../../register/findings/triage-repository.js';

/** How sure screening is of a finding, worded for what the score is. */
export interface FindingEstimate {
  /** `model`: a calibrated probability; `rules`: the catalogue's strength, not a probability. */
  kind: 'model' | 'rules';
  /** The score as people read it: "22%", or "0.80 out of 1" for the rules' strength. */
  shown: string;
  /** One sentence that says what the score is. */
  text: string;
  /** A few words for lists: "The model’s estimate: 22%". */
  brief: string;
  /** How often estimates like it came true when the model was tested, when known. */
  calibration: string | null;
}

/** What proposed a finding, as a reviewer reads it. */
export interface ProposalView {
  id: string;
  /** The reason, starting with a capital. */
  reason: string;
  /** "indicator" or "word list", and its name. */
  kind: string;
  name: string;
}

/** The labelled training passage most like a finding's (by id and source, never its text). */
export interface NearestExampleView {
  id: string;
  sourceUrl: string | null;
  /** The source's web address without the scheme, or the source as recorded when not a link. */
  sourceText: string | null;
  labelsText: string;
  stanceName: string;
  similarity: number;
}

/** A finding as the triage pages show it. */
export interface FindingView extends TriageFinding {
  /** "Police in care planning, page 16". */
  title: string;
  /** The passage in runs, the words that matched marked (all of it for findings without words). */
  passage: Segment[];
  statusName: string;
  labelName: string;
  /** The label inside a sentence: "shows police in care planning". */
  labelPhrase: string;
  estimate: FindingEstimate;
  stanceName: string;
  proposals: ProposalView[];
  /** "Pages 2, 5 and 7" when the passage was found on more than one page; else null. */
  pagesText: string | null;
  nearestExample: NearestExampleView | null;
  context: ExcerptInContext;
  progress: string;
  documentUrl: string;
}

/** The calibration of the engine's model, for findings that model judged. */
export interface ModelCalibration {
  modelVersion: string;
  summary: CalibrationSummary;
}

/**
 * Lays out a finding for the triage pages: its passage in its page (`radius` characters either
 * side, `before` before it if given, or the whole page), how sure screening is in honest words, how the passage speaks, what
 * proposed it, the nearest training passage and where its review stands.
 */
export function findingView(
  finding: TriageFinding,
  options: { radius?: number; before?: number; calibration?: ModelCalibration | undefined } = {},
): FindingView {
  const label = isLabel(finding.label) ? finding.label : undefined;
  return {
    ...finding,
    title: findingTitle(finding),
    passage: passageSegments(finding),
    statusName: findingStatusNames[finding.status],
    labelName: label ? labelNames[label] : finding.label,
    labelPhrase: label ? labelPhrases[label] : finding.label,
    estimate: estimateOf(finding, label, options.calibration),
    stanceName: stanceNameOf(finding.stance),
    proposals: proposalsOf(finding),
    pagesText: pagesText(finding.pages),
    nearestExample: nearestExampleOf(finding.nearest),
    context: excerptInContext(finding.pageText, finding, {
      ...(options.radius === undefined ? {} : { radius: options.radius }),
      ...(options.before === undefined ? {} : { before: options.before }),
    }),
    progress: reviewProgress(finding.decisions),
    documentUrl: `/documents/${finding.documentId}${finding.page === null ? '' : `#page-${finding.page}`}`,
  };
}

/**
 * A finding's passage in plain and marked runs: the words that matched marked, as the CLI marks
 * them. A finding recorded before matched words were kept has the whole passage marked.
 */
export function passageSegments(
  finding: Pick<TriageFinding, 'excerpt' | 'start' | 'highlights'>,
): Segment[] {
  const segments = highlightSegments(finding);
  return segments.some((segment) => segment.highlighted)
    ? segments
    : [{ text: finding.excerpt, highlighted: true }];
}

/** The score in words: the model's calibrated estimate, or the rules' strength for what it is. */
export function estimateOf(
  finding: Pick<TriageFinding, 'score' | 'modelVersion'>,
  label: Label | undefined,
  calibration?: ModelCalibration,
): FindingEstimate {
  if (finding.modelVersion === null || label === 'assurance' || label === undefined) {
    const shown = `${finding.score.toFixed(2)} out of 1`;
    const why =
      label === 'assurance'
        ? 'there are too few real assurances to make one'
        : 'it was screened before simwatch used a model';
    return {
      kind: 'rules',
      shown,
      text: `The catalogue’s rules give this ${label === 'assurance' ? 'assurance' : 'finding'} a strength of ${shown}. This is not an estimate of how likely it is to be right: ${why}.`,
      brief: `The rules’ strength: ${shown} (not an estimate)`,
      calibration: null,
    };
  }
  const shown = formatPercent(finding.score);
  return {
    kind: 'model',
    shown,
    text: `The model’s estimate that this passage shows ${labelPhrases[label]}: ${shown}.`,
    brief: `The model’s estimate: ${shown}`,
    calibration:
      calibration && calibration.modelVersion === finding.modelVersion
        ? calibrationSentence(finding.score, calibration.summary)
        : null,
  };
}

/** How often the model's estimates near this one came true in testing, or null if never given. */
export function calibrationSentence(score: number, summary: CalibrationSummary): string | null {
  const band = summary.bands.find(
    (each, index) => score >= each.from && (score < each.to || index === summary.bands.length - 1),
  );
  if (!band || band.count === 0) return null;
  const times = band.count === 1 ? 'once' : `${band.count.toLocaleString('en-GB')} times`;
  return (
    `When the model was tested, it gave an estimate from ${formatPercent(band.from)} to ` +
    `${formatPercent(band.to)} ${times}, and the passage really showed what it was judged for ` +
    `${formatPercent(band.observed)} of the time.`
  );
}

function stanceNameOf(stance: string): string {
  const known = stances.find((each) => each === stance);
  return known === undefined ? stance : stanceNames[known];
}

function proposalsOf(finding: Pick<TriageFinding, 'proposedBy' | 'indicator' | 'reason'>) {
  const proposals =
    finding.proposedBy.length > 0
      ? finding.proposedBy
      : [{ id: finding.indicator, reason: finding.reason }];
  return proposals.map(({ id, reason }): ProposalView => {
    const frame = id.startsWith('frame:');
    return {
      id,
      reason: reason.charAt(0).toUpperCase() + reason.slice(1),
      kind: frame ? 'word list' : 'indicator',
      name: frame ? id.slice('frame:'.length) : id,
    };
  });
}

/** "Pages 2, 5 and 7" for a passage found on several pages; null for one page or none. */
export function pagesText(pages: readonly (number | null)[]): string | null {
  const numbers = [...new Set(pages.filter((page): page is number => page !== null))].sort(
    (a, b) => a - b,
  );
  if (numbers.length <= 1) return null;
  return `Pages ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1) ?? ''}`;
}

function nearestExampleOf(nearest: TriageFinding['nearest']): NearestExampleView | null {
  if (!nearest) return null;
  const sourceUrl = httpUrlOrNull(nearest.source);
  const names = nearest.labels.map((label) => (isLabel(label) ? labelNames[label] : label));
  return {
    id: nearest.id,
    sourceUrl,
    sourceText: sourceUrl ? sourceUrl.replace(/^https?:\/\//, '') : nearest.source,
    labelsText: names.length > 0 ? names.join(', ') : 'No feature of concern',
    stanceName: stanceNameOf(nearest.stance),
    similarity: nearest.similarity,
  };
}
