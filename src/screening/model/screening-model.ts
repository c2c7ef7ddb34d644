import type { EvidenceLabel, Label } from '../finding.js';
import type { FeatureSpace } from './feature-space.js';
import type { LinearModel } from './logistic-regression.js';

/** The stances the model tells apart; `assurance` comes from the catalogue's rules instead. */
export const modelStances = ['practice', 'critique', 'neutral'] as const;

/** A stance the model scores. */
export type ModelStance = (typeof modelStances)[number];

/** Platt scaling: `probability = σ(slope × score + intercept)`, fitted on held-out scores. */
export interface Calibration {
  slope: number;
  intercept: number;
}

/** A linear classifier whose scores are turned into calibrated probabilities. */
export interface CalibratedClassifier {
  linear: LinearModel;
  calibration: Calibration;
}

/** A labelled training passage, known by id and source only (never its text). */
export interface TrainingExample {
  id: string;
  source: string | null;
  labels: Label[];
  stance: string;
  /** A short random projection of the passage's features, for finding the nearest example. */
  sketch: number[];
}

/** The trained screening model, as loaded and used. */
export interface ScreeningModel {
  version: string;
  createdAt: string;
  catalogueVersion: string;
  /** SHA-256 of the training data (passages and their labels), and what it held. */
  trainingData: TrainingDataSummary;
  space: FeatureSpace;
  labels: Record<EvidenceLabel, CalibratedClassifier>;
  stances: Record<ModelStance, CalibratedClassifier>;
  examples: TrainingExample[];
  /** The evaluation made when the model was trained (see `ModelEvaluation`). */
  evaluation: unknown;
}

/** What a model was trained on. */
export interface TrainingDataSummary {
  sha256: string;
  passages: number;
  sources: number;
  /** The corpus files given, by name. */
  corpora: string[];
  /** Reviewers' decisions from a register that were used, if any. */
  reviewedFindings: number;
}
