import { labels } from '../../screening/finding.js';
import type { ModelEvaluation } from '../../screening/model/train-and-evaluate.js';

/** A small, made-up evaluation with round figures, for tests of the pages that show one. */
export function sampleEvaluation(): ModelEvaluation {
  const scores = (passages: number, f1: number) => ({
    passages,
    perLabel: labels.map((label, index) => ({
      label,
      truePositives: 10 + index,
      falsePositives: 5,
      falseNegatives: 20,
      precision: 0.625,
      recall: 0.25 + index / 100,
      f1,
    })),
    macroF1: f1,
    critique: { total: 40, flagged: 2, share: 0.05 },
  });
  return {
    folds: 5,
    threshold: 0.5,
    withUncertain: scores(800, 0.4),
    certainOnly: scores(500, 0.5),
    byThreshold: [0.3, 0.5, 0.7].map((threshold) => ({
      threshold,
      macroF1: 0.9 - threshold,
      critiqueShare: 0.3 - threshold / 3,
      certainMacroF1: 1 - threshold,
    })),
    calibration: {
      judged: 700,
      bands: Array.from({ length: 10 }, (_, band) => ({
        from: band / 10,
        to: (band + 1) / 10,
        count: 70,
        meanProbability: band / 10 + 0.05,
        observed: band / 10,
      })),
      brier: 0.18,
      expectedError: 0.05,
    },
    learningCurve: [0.25, 0.5, 1].map((share) => ({
      share,
      trainingPassages: Math.round(640 * share),
      macroF1: 0.2 + share / 5,
      certainMacroF1: 0.25 + share / 5,
    })),
    ordinaryDocuments: {
      documents: 8,
      words: 200_000,
      findings: 2,
      perHundredThousandWords: 1,
      byLabel: { police_in_care: 1, coercion_sanctions: 1 },
    },
  };
}
