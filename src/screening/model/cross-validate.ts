import { createSeededRandom } from '../../seeded-random.js';
import type { Catalogue } from '../catalogue.js';
import { labels, type EvidenceLabel, type Label } from '../finding.js';
import { createScreeningEngine } from '../screening-engine.js';
import { vectorize } from './feature-space.js';
import { assignFolds } from './group-folds.js';
import { judgeStance, labelProbability } from './judge-passage.js';
import type { LabelledExample } from './labelled-example.js';
import type { ModelStance } from './screening-model.js';
import { trainScreeningModel, type ReadExample, type TrainOptions } from './train-model.js';

/** What a model trained without an example's source made of it. */
export interface HeldOutPrediction {
  example: LabelledExample;
  /** The labels screening reported for the passage, at the threshold. */
  reported: Label[];
  /** For each label screening found at all (at threshold 0), its best finding's score. */
  scores: Partial<Record<Label, number>>;
  /** The calibrated probability of each label the passage's candidates proposed. */
  probabilities: Partial<Record<EvidenceLabel, number>>;
  /** The stance the model read, or null when no candidate proposed anything. */
  stance: ModelStance | null;
}

/** How to cross-validate. */
export interface CrossValidationOptions {
  folds: number;
  threshold: number;
  train: TrainOptions;
  /**
   * The share of each training fold's sources to train on (default all): less, for a learning
   * curve. Sources are drawn by a seeded shuffle, so a run can be repeated.
   */
  trainingShare?: number;
  seed?: number;
}

/**
 * Grouped cross-validation: the corpus examples are split into folds by source (no source in both
 * the training and the test side), a model is trained on all folds but one and the passages of
 * that one are screened as a user would screen them. Register examples are always trained on,
 * never tested: the figures are for the real corpus.
 */
export function crossValidate(
  read: readonly ReadExample[],
  catalogue: Catalogue,
  options: CrossValidationOptions,
): HeldOutPrediction[] {
  const corpus = read.filter(({ example }) => example.origin === 'corpus');
  const folds = assignFolds(
    corpus.map(({ example }) => example.group),
    options.folds,
  );
  const predictions: HeldOutPrediction[] = [];
  for (let fold = 0; fold < options.folds; fold += 1) {
    const test = corpus.filter((_, index) => folds[index] === fold);
    if (test.length === 0) continue;
    const trainingCorpus = keepShare(
      corpus.filter((_, index) => folds[index] !== fold),
      options.trainingShare ?? 1,
      (options.seed ?? 1) * 31 + fold,
    );
    const training = [
      ...trainingCorpus,
      ...read.filter(({ example }) => example.origin === 'register'),
    ];
    const model = { ...trainScreeningModel(training, options.train), evaluation: null };
    const engine = createScreeningEngine({ catalogue, model });
    for (const { example, reading } of test) {
      const scores: Partial<Record<Label, number>> = {};
      for (const finding of engine.screenText(example.text, 0).findings)
        scores[finding.label] = Math.max(scores[finding.label] ?? 0, finding.score);
      const reported = labels.filter((label) => (scores[label] ?? -1) >= options.threshold);
      if (!reading) {
        predictions.push({ example, reported, scores, probabilities: {}, stance: null });
        continue;
      }
      const proposed = [...new Set(reading.proposals.map((proposal) => proposal.label))];
      const vector = vectorize(reading.features(), model.space);
      predictions.push({
        example,
        reported,
        scores,
        probabilities: Object.fromEntries(
          proposed.map((label) => [label, labelProbability(vector, model, label)]),
        ),
        stance: judgeStance(vector, model).stance,
      });
    }
  }
  return predictions;
}

/** A seeded share of the examples, whole sources at a time. */
function keepShare(read: readonly ReadExample[], share: number, seed: number): ReadExample[] {
  if (share >= 1) return [...read];
  const groups = [...new Set(read.map(({ example }) => example.group))].sort();
  const random = createSeededRandom(seed);
  for (let index = groups.length - 1; index > 0; index -= 1) {
    const other = random.between(0, index);
    [groups[index], groups[other]] = [groups[other] as string, groups[index] as string];
  }
  const kept = new Set(groups.slice(0, Math.max(1, Math.round(groups.length * share))));
  return read.filter(({ example }) => kept.has(example.group));
}
