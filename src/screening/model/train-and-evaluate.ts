import type { Catalogue } from '../catalogue.js';
import {
  summariseCalibration,
  type CalibrationSummary,
} from '../evaluation/calibration-summary.js';
import { countFalseLeads, type FalseLeads } from '../evaluation/count-false-leads.js';
import { scorePredictions, type HeldOutScores } from '../evaluation/score-predictions.js';
import type { Label } from '../finding.js';
import { createScreeningEngine } from '../screening-engine.js';
import { crossValidate, type HeldOutPrediction } from './cross-validate.js';
import type { ScreeningModel } from './screening-model.js';
import { trainScreeningModel, type ReadExample, type TrainOptions } from './train-model.js';

/** A model's evaluation by grouped cross-validation on the real corpus, kept in its file. */
export interface ModelEvaluation {
  folds: number;
  threshold: number;
  /** Scores with passages the guide does not settle counted as labelled, and without them. */
  withUncertain: Omit<HeldOutScores, 'mistakes'>;
  certainOnly: Omit<HeldOutScores, 'mistakes'>;
  /** The same at other thresholds (from the held-out probabilities and stances). */
  byThreshold: {
    threshold: number;
    macroF1: number;
    critiqueShare: number;
    certainMacroF1: number;
  }[];
  calibration: CalibrationSummary;
  /** Macro-F1 when trained on a share of each training fold's sources. */
  learningCurve: {
    share: number;
    trainingPassages: number;
    macroF1: number;
    certainMacroF1: number;
  }[];
  /** Findings on ordinary documents with no such practice, when some were given. */
  ordinaryDocuments: Omit<FalseLeads, 'examples'> | null;
}

/** What training needs besides examples. */
export interface TrainAndEvaluateOptions {
  catalogue: Catalogue;
  train: TrainOptions;
  threshold: number;
  folds?: number;
  /** Shares of the training sources for the learning curve (1 is always included). */
  learningCurveShares?: number[];
  /** Ordinary documents to count false leads on, if any. */
  ordinaryDocuments?: { name: string; text: string }[];
  /** Told of each step as it finishes ("fold 3 of 5"...). */
  progress?: (step: string) => void;
}

const defaultShares = [0.25, 0.5, 0.75];

/**
 * Evaluates the training set by grouped cross-validation (with a learning curve), then trains the
 * model on all of it and returns it with the evaluation inside, plus the held-out predictions.
 */
export function trainAndEvaluate(
  read: readonly ReadExample[],
  options: TrainAndEvaluateOptions,
): { model: ScreeningModel; predictions: HeldOutPrediction[] } {
  const evaluation = evaluateTraining(read, options);
  const model: ScreeningModel = {
    ...trainScreeningModel(read, options.train),
    evaluation: evaluation.summary,
  };
  if (options.ordinaryDocuments && options.ordinaryDocuments.length > 0) {
    const leads = countFalseLeads(
      options.ordinaryDocuments,
      createScreeningEngine({ catalogue: options.catalogue, model }),
      options.threshold,
    );
    evaluation.summary.ordinaryDocuments = {
      documents: leads.documents,
      words: leads.words,
      findings: leads.findings,
      perHundredThousandWords: leads.perHundredThousandWords,
      byLabel: leads.byLabel,
    };
  }
  options.progress?.('trained the model on every passage');
  return { model, predictions: evaluation.predictions };
}

/** Grouped cross-validation of a training set, its figures, and the learning curve. */
export function evaluateTraining(
  read: readonly ReadExample[],
  options: TrainAndEvaluateOptions,
): { summary: ModelEvaluation; predictions: HeldOutPrediction[] } {
  const folds = options.folds ?? 5;
  const validate = (trainingShare: number) =>
    crossValidate(read, options.catalogue, {
      folds,
      threshold: options.threshold,
      train: options.train,
      trainingShare,
    });
  const predictions = validate(1);
  options.progress?.(`cross-validated in ${folds} folds grouped by source`);
  const withUncertain = withoutMistakes(scorePredictions(predictions, { uncertain: true }));
  const certainOnly = withoutMistakes(scorePredictions(predictions, { uncertain: false }));
  const corpusPassages = read.filter(({ example }) => example.origin === 'corpus').length;
  const learningCurve = [...(options.learningCurveShares ?? defaultShares), 1].map((share) => {
    const held = share === 1 ? predictions : validate(share);
    options.progress?.(`learning curve: trained on ${Math.round(share * 100)}% of the sources`);
    return {
      share,
      trainingPassages: Math.round(((corpusPassages * (folds - 1)) / folds) * share),
      macroF1: scorePredictions(held, { uncertain: true }).macroF1,
      certainMacroF1: scorePredictions(held, { uncertain: false }).macroF1,
    };
  });
  return {
    summary: {
      folds,
      threshold: options.threshold,
      withUncertain,
      certainOnly,
      byThreshold: [0.2, 0.3, 0.4, 0.5, 0.6, 0.7].map((threshold) => {
        const at = reportedAt(predictions, threshold);
        const all = scorePredictions(at, { uncertain: true });
        return {
          threshold,
          macroF1: all.macroF1,
          critiqueShare: all.critique.share,
          certainMacroF1: scorePredictions(at, { uncertain: false }).macroF1,
        };
      }),
      calibration: summariseCalibration(predictions),
      learningCurve,
      ordinaryDocuments: null,
    },
    predictions,
  };
}

/**
 * The labels screening would have reported at another threshold: those whose best finding in the
 * passage scored at least that (the findings at threshold 0 are the same whatever the threshold).
 */
function reportedAt(
  predictions: readonly HeldOutPrediction[],
  threshold: number,
): HeldOutPrediction[] {
  return predictions.map((prediction) => ({
    ...prediction,
    reported: Object.entries(prediction.scores)
      .filter(([, score]) => score >= threshold)
      .map(([label]) => label as Label),
  }));
}

function withoutMistakes(scores: HeldOutScores): Omit<HeldOutScores, 'mistakes'> {
  return {
    passages: scores.passages,
    perLabel: scores.perLabel,
    macroF1: scores.macroF1,
    critique: scores.critique,
  };
}
