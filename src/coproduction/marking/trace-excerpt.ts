import { recipientChoice } from './recipient-choice.js';
import { observeChoices, readExcerpt, type ObservedChoice } from './observe-choices.js';
import { readMarkableText, type MarkableText } from './variation-points.js';

/** A recipient whose copy a leaked excerpt may have come from. */
export interface TraceCandidate {
  readonly id: number;
  readonly label: string;
  /** The original (unmarked) text the recipient's copy was made from. */
  readonly content: string;
  readonly seed: string;
}

/** How well one recipient's copy explains the excerpt. */
export interface TraceMatch {
  readonly id: number;
  readonly label: string;
  /** The probability that the excerpt came from this copy. */
  readonly score: number;
  /** Marked choices at which the excerpt agrees with this copy, out of `observed`. */
  readonly agreed: number;
  readonly observed: number;
}

/** The outcome of tracing: every candidate scored, and a named recipient only when confident. */
export interface TraceResult {
  readonly matches: TraceMatch[];
  readonly best: { id: number; label: string } | null;
  readonly confidence: number;
  readonly evidence: string;
}

/** How often a copied choice is taken to have been changed (retyped, edited) on its way out. */
const errorRate = 0.05;
/** The confidence below which no recipient is named. */
export const traceThreshold = 0.99;
/** Prior belief that the excerpt came from none of the copies: unmarked text, or elsewhere. */
const priorUnmarked = 0.25;
const priorElsewhere = 0.25;

function logLikelihoodRatio(
  observed: readonly ObservedChoice[],
  choose: (o: ObservedChoice) => number,
) {
  let agreed = 0;
  let total = 0;
  for (const observation of observed) {
    const count = observation.point.alternatives.length;
    const agrees = choose(observation) === observation.alternative;
    if (agrees) agreed += 1;
    total += agrees
      ? Math.log((1 - errorRate) * count)
      : Math.log((errorRate / (count - 1)) * count);
  }
  return { agreed, total };
}

function logSumExp(values: readonly number[]): number {
  const top = Math.max(...values);
  return top + Math.log(values.reduce((sum, value) => sum + Math.exp(value - top), 0));
}

function copyOf(label: string): string {
  return `${label}'s copy`;
}

/**
 * Traces a leaked excerpt to the recipient whose marked copy it matches: locates it in each
 * candidate's original, reads the choices it shows, and weighs each copy (and the chance that it
 * came from no copy at all) by how well its choices agree, allowing a small rate of changes.
 */
export function traceExcerpt(excerpt: string, candidates: readonly TraceCandidate[]): TraceResult {
  const read = readExcerpt(excerpt);
  const byContent = new Map<string, { markable: MarkableText; observed: ObservedChoice[] }>();
  for (const { content } of candidates) {
    if (byContent.has(content)) continue;
    const markable = readMarkableText(content);
    byContent.set(content, { markable, observed: observeChoices(read, markable) });
  }
  const scored = candidates.map((candidate) => {
    const observed = byContent.get(candidate.content)?.observed ?? [];
    const ratio = logLikelihoodRatio(observed, ({ point }) =>
      recipientChoice(candidate.seed, point.key, point.alternatives.length),
    );
    return { candidate, observed: observed.length, ...ratio };
  });
  const unmarked = [...byContent.values()]
    .map(({ observed }) => ({
      observed: observed.length,
      ...logLikelihoodRatio(observed, () => 0),
    }))
    .sort((a, b) => b.total - a.total)[0] ?? { observed: 0, agreed: 0, total: 0 };
  const candidatePrior = Math.log(
    (1 - priorUnmarked - priorElsewhere) / Math.max(1, candidates.length),
  );
  const logPosteriors = scored.map((entry) => candidatePrior + entry.total);
  const unmarkedLog = Math.log(priorUnmarked) + unmarked.total;
  const elsewhereLog = Math.log(priorElsewhere);
  const evidenceTotal = logSumExp([...logPosteriors, unmarkedLog, elsewhereLog]);
  const matches = scored
    .map((entry, index) => ({
      id: entry.candidate.id,
      label: entry.candidate.label,
      score: Math.exp((logPosteriors[index] ?? -Infinity) - evidenceTotal),
      agreed: entry.agreed,
      observed: entry.observed,
    }))
    .sort((a, b) => b.score - a.score || b.agreed - a.agreed || a.id - b.id);
  const top = matches[0];
  const confidence = top?.score ?? 0;
  const best =
    top !== undefined && confidence >= traceThreshold ? { id: top.id, label: top.label } : null;
  return {
    matches,
    best,
    confidence,
    evidence: describeEvidence(
      matches,
      unmarked,
      Math.exp(unmarkedLog - evidenceTotal),
      best !== null,
    ),
  };
}

function describeEvidence(
  matches: readonly TraceMatch[],
  unmarked: { observed: number; agreed: number },
  unmarkedPosterior: number,
  decided: boolean,
): string {
  const [top, next] = matches;
  if (top === undefined) return 'There are no recorded copies to compare the excerpt with.';
  const most = Math.max(...matches.map((match) => match.observed));
  if (most === 0) {
    return (
      'The excerpt covers none of the marked choices of any copy (it may be too short, ' +
      'or not taken from these texts), so it cannot be traced.'
    );
  }
  const topText = `agrees with ${copyOf(top.label)} at ${top.agreed} of ${top.observed} marked choices`;
  const nextText =
    next === undefined
      ? ''
      : `; the next closest, ${copyOf(next.label)}, agrees at ${next.agreed} of ${next.observed}`;
  if (decided) return `The excerpt ${topText}${nextText}.`;
  if (unmarkedPosterior > 0.5) {
    return (
      `The excerpt matches the unmarked text at ${unmarked.agreed} of ${unmarked.observed} marked ` +
      `choices, not any recipient's copy; it ${topText}${nextText}.`
    );
  }
  const tied = matches.filter((match) => match.observed > 0 && match.agreed === top.agreed).length;
  const reason =
    tied > 1
      ? `${tied} copies agree with it equally`
      : `agreement at ${top.observed} choices could be chance`;
  return (
    `The excerpt covers only ${most} marked choices, too few to name a recipient (${reason}): ` +
    `it ${topText}${nextText}.`
  );
}
