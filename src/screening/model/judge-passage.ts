import type { EvidenceLabel } from '../finding.js';
import type { SparseVector } from './feature-space.js';
import { calibratedProbability } from './fit-calibrated.js';
import {
  modelStances,
  type CalibratedClassifier,
  type ModelStance,
  type ScreeningModel,
} from './screening-model.js';

/** A feature's share of a score: its value times its weight. */
export interface Contribution {
  feature: number;
  amount: number;
}

/** How likely a passage is to show one label, and the features that weighed most each way. */
export interface LabelJudgement {
  label: EvidenceLabel;
  probability: number;
  /** The features that raised the score most, strongest first. */
  for: Contribution[];
  /** The features that lowered it most, strongest first. */
  against: Contribution[];
}

/** How a passage speaks, as the model reads it. */
export interface StanceJudgement {
  stance: ModelStance;
  probabilities: Record<ModelStance, number>;
}

const reasonsKept = 3;

/** The stance the model reads: each stance's calibrated probability, normalised to sum to 1. */
export function judgeStance(vector: SparseVector, model: ScreeningModel): StanceJudgement {
  const raw = modelStances.map((stance) => probabilityOf(vector, model.stances[stance]));
  const total = raw.reduce((sum, value) => sum + value, 0) || 1;
  const probabilities = Object.fromEntries(
    modelStances.map((stance, index) => [stance, (raw[index] ?? 0) / total]),
  ) as Record<ModelStance, number>;
  const stance = modelStances.reduce((best, next) =>
    probabilities[next] > probabilities[best] ? next : best,
  );
  return { stance, probabilities };
}

/** How likely the passage is to show `label` (see `judgeLabel` for why). */
export function labelProbability(
  vector: SparseVector,
  model: ScreeningModel,
  label: EvidenceLabel,
): number {
  return probabilityOf(vector, model.labels[label]);
}

/** How likely the passage is to show `label`, and why. */
export function judgeLabel(
  vector: SparseVector,
  model: ScreeningModel,
  label: EvidenceLabel,
): LabelJudgement {
  const classifier = model.labels[label];
  const strongest: Contribution[] = [];
  const weakest: Contribution[] = [];
  vector.indices.forEach((feature, k) => {
    const amount = (vector.values[k] ?? 0) * (classifier.linear.weights[feature] ?? 0);
    if (amount > 0) keepTop(strongest, { feature, amount }, (a, b) => b.amount - a.amount);
    else if (amount < 0) keepTop(weakest, { feature, amount }, (a, b) => a.amount - b.amount);
  });
  return {
    label,
    probability: probabilityOf(vector, classifier),
    for: strongest,
    against: weakest,
  };
}

/** Adds a contribution to a short list kept in order, keeping only the first `reasonsKept`. */
function keepTop(
  list: Contribution[],
  contribution: Contribution,
  order: (a: Contribution, b: Contribution) => number,
): void {
  if (
    list.length === reasonsKept &&
    order(contribution, list[reasonsKept - 1] as Contribution) >= 0
  )
    return;
  list.push(contribution);
  list.sort(order);
  if (list.length > reasonsKept) list.pop();
}

/** The calibrated probability a classifier gives a vector. */
function probabilityOf(vector: SparseVector, classifier: CalibratedClassifier): number {
  return calibratedProbability(vector, classifier.linear, classifier.calibration);
}
