import type { SparseVector } from './feature-space.js';
import { assignFolds } from './group-folds.js';
import {
  fitLogisticRegression,
  scoreVector,
  sigmoid,
  type LinearModel,
} from './logistic-regression.js';
import type { Calibration, CalibratedClassifier } from './screening-model.js';

/** A training set for one classifier: vectors, 0/1 targets and the group of each. */
export interface TrainingSet {
  vectors: SparseVector[];
  targets: number[];
  groups: string[];
}

const calibrationFolds = 3;

/**
 * Fits a classifier on the whole set and calibrates its scores by Platt scaling on scores it
 * gave to passages it had not seen: each from a model fitted without that passage's group.
 */
export function fitCalibrated(
  set: TrainingSet,
  dimensions: number,
  c: number,
): CalibratedClassifier {
  const linear = fitLogisticRegression(set.vectors, set.targets, dimensions, { c });
  const heldOutScores = new Array<number>(set.vectors.length).fill(0);
  const folds = assignFolds(set.groups, calibrationFolds);
  for (let fold = 0; fold < calibrationFolds; fold += 1) {
    const inFold = (index: number) => folds[index] === fold;
    const train = set.vectors.flatMap((_, index) => (inFold(index) ? [] : [index]));
    const targets = train.map((index) => set.targets[index] ?? 0);
    if (new Set(targets).size < 2) continue;
    const partial = fitLogisticRegression(
      train.map((index) => set.vectors[index] as SparseVector),
      targets,
      dimensions,
      { c },
    );
    set.vectors.forEach((vector, index) => {
      if (inFold(index)) heldOutScores[index] = scoreVector(vector, partial);
    });
  }
  return { linear, calibration: fitPlatt(heldOutScores, set.targets) };
}

/**
 * Platt scaling: the slope and intercept that make `σ(slope × score + intercept)` the best
 * probability for the targets, fitted by Newton's method with a backtracking line search on the
 * log-loss, with Platt's smoothed targets so that a perfectly separated set does not give
 * certainty.
 */
export function fitPlatt(scores: readonly number[], targets: readonly number[]): Calibration {
  const positives = targets.filter((target) => target === 1).length;
  const negatives = targets.length - positives;
  if (positives === 0 || negatives === 0) return { slope: 1, intercept: 0 };
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const smoothed = targets.map((target) => (target === 1 ? high : low));
  const loss = (slope: number, intercept: number) =>
    scores.reduce((sum, score, index) => {
      const z = slope * score + intercept;
      const t = smoothed[index] ?? 0;
      // −[t log σ(z) + (1 − t) log(1 − σ(z))], written to stay finite for large |z|.
      return (
        sum + (z > 0 ? z * (1 - t) + Math.log1p(Math.exp(-z)) : -z * t + Math.log1p(Math.exp(z)))
      );
    }, 0);
  let slope = 1;
  let intercept = Math.log((positives + 1) / (negatives + 1));
  let current = loss(slope, intercept);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-6;
    let hAB = 0;
    let hBB = 1e-6;
    scores.forEach((score, index) => {
      const p = sigmoid(slope * score + intercept);
      const residual = p - (smoothed[index] ?? 0);
      const curvature = p * (1 - p);
      gA += residual * score;
      gB += residual;
      hAA += curvature * score * score;
      hAB += curvature * score;
      hBB += curvature;
    });
    const determinant = hAA * hBB - hAB * hAB;
    if (!(determinant > 0)) break;
    const stepA = (hBB * gA - hAB * gB) / determinant;
    const stepB = (hAA * gB - hAB * gA) / determinant;
    let size = 1;
    let next = loss(slope - stepA, intercept - stepB);
    while (!(next < current) && size > 1e-8) {
      size /= 2;
      next = loss(slope - size * stepA, intercept - size * stepB);
    }
    if (!(next < current)) break;
    slope -= size * stepA;
    intercept -= size * stepB;
    const improvement = current - next;
    current = next;
    if (improvement < 1e-10) break;
  }
  // Held-out scores that rank passages the wrong way round say the model cannot tell them apart
  // on unseen sources: then the honest probability is the base rate, whatever the score.
  if (slope < 0) return { slope: 0, intercept: Math.log((positives + 1) / (negatives + 1)) };
  return { slope, intercept };
}

/** The linear model's calibrated probability for a vector. */
export function calibratedProbability(
  vector: SparseVector,
  linear: LinearModel,
  calibration: Calibration,
): number {
  return sigmoid(calibration.slope * scoreVector(vector, linear) + calibration.intercept);
}
