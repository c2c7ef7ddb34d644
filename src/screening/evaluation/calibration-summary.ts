import { evidenceLabels } from '../finding.js';
import type { HeldOutPrediction } from '../model/cross-validate.js';

/** Predicted probabilities against what came true, in ten bands of probability. */
export interface CalibrationSummary {
  /** Labels judged (a label its candidates proposed, on a held-out passage). */
  judged: number;
  bands: { from: number; to: number; count: number; meanProbability: number; observed: number }[];
  /** Mean squared difference between probability and outcome (0 is perfect). */
  brier: number;
  /** Expected calibration error: the count-weighted mean gap between a band's probability and outcome. */
  expectedError: number;
}

/** How well held-out probabilities match outcomes, over every label each passage was judged for. */
export function summariseCalibration(
  predictions: readonly HeldOutPrediction[],
): CalibrationSummary {
  const pairs: { probability: number; outcome: number }[] = [];
  for (const { example, probabilities } of predictions) {
    for (const label of evidenceLabels) {
      const probability = probabilities[label];
      const known = example.labels[label];
      if (probability === undefined || known === undefined) continue;
      pairs.push({ probability, outcome: known ? 1 : 0 });
    }
  }
  const bands = Array.from({ length: 10 }, (_, band) => {
    const from = band / 10;
    const to = (band + 1) / 10;
    const inBand = pairs.filter(
      ({ probability }) => probability >= from && (probability < to || band === 9),
    );
    const count = inBand.length;
    const mean = (pick: (pair: { probability: number; outcome: number }) => number) =>
      count === 0 ? 0 : inBand.reduce((sum, pair) => sum + pick(pair), 0) / count;
    return {
      from,
      to,
      count,
      meanProbability: mean((pair) => pair.probability),
      observed: mean((pair) => pair.outcome),
    };
  });
  const judged = pairs.length;
  return {
    judged,
    bands,
    brier:
      judged === 0
        ? 0
        : pairs.reduce((sum, { probability, outcome }) => sum + (probability - outcome) ** 2, 0) /
          judged,
    expectedError:
      judged === 0
        ? 0
        : bands.reduce(
            (sum, band) =>
              sum + (band.count / judged) * Math.abs(band.meanProbability - band.observed),
            0,
          ),
  };
}
