import { describe, expect, it } from 'vitest';
import { evidenceLabels, type Label, type Stance } from '../finding.js';
import type { HeldOutPrediction } from '../model/cross-validate.js';
import { summariseCalibration } from './calibration-summary.js';
import { scorePredictions } from './score-predictions.js';

function prediction(
  id: string,
  labels: Label[],
  stance: Stance,
  reported: Label[],
  options: { uncertain?: boolean; probabilities?: HeldOutPrediction['probabilities'] } = {},
): HeldOutPrediction {
  return {
    example: {
      id,
      text: id,
      group: id,
      labels: Object.fromEntries(evidenceLabels.map((label) => [label, labels.includes(label)])),
      stance,
      uncertain: options.uncertain ?? false,
      origin: 'corpus',
      source: null,
    },
    reported,
    scores: {},
    probabilities: options.probabilities ?? {},
    stance: null,
  };
}

describe('scorePredictions()', () => {
  const predictions = [
    prediction('a', ['sim_named'], 'practice', ['sim_named']),
    prediction('b', ['sim_named'], 'practice', []),
    prediction('c', [], 'critique', ['sim_named']),
    prediction('d', [], 'critique', []),
    prediction('e', [], 'assurance', ['assurance'], { uncertain: true }),
  ];

  it('counts true and false positives and negatives, and averages F1 over the evidence labels', () => {
    const scores = scorePredictions(predictions, { uncertain: true });
    expect(scores.perLabel.find((score) => score.label === 'sim_named')).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    // The other three evidence labels have nothing to find and find nothing: F1 1 each.
    expect(scores.macroF1).toBeCloseTo((0.5 + 3) / 4);
    expect(scores.perLabel.find((score) => score.label === 'assurance')?.f1).toBe(1);
  });

  it('reports the share of critique passages given an evidence label, and the mistakes', () => {
    const scores = scorePredictions(predictions, { uncertain: true });
    expect(scores.critique).toEqual({ total: 2, flagged: 1, share: 0.5 });
    expect(scores.mistakes.map((mistake) => mistake.id)).toEqual(['b', 'c']);
  });

  it('leaves uncertain passages out when asked', () => {
    expect(scorePredictions(predictions, { uncertain: false }).passages).toBe(4);
    expect(scorePredictions(predictions, { uncertain: true }).passages).toBe(5);
  });
});

describe('summariseCalibration()', () => {
  it('compares held-out probabilities with outcomes, band by band', () => {
    const summary = summariseCalibration([
      prediction('a', ['police_in_care'], 'practice', [], {
        probabilities: { police_in_care: 0.95 },
      }),
      prediction('b', [], 'neutral', [], { probabilities: { police_in_care: 0.91 } }),
      prediction('c', [], 'neutral', [], { probabilities: { police_in_care: 0.05 } }),
    ]);
    expect(summary.judged).toBe(3);
    expect(summary.bands[9]).toMatchObject({ count: 2, observed: 0.5 });
    expect(summary.bands[9]?.meanProbability).toBeCloseTo(0.93);
    expect(summary.bands[0]).toMatchObject({ count: 1, observed: 0 });
    expect(summary.brier).toBeCloseTo((0.05 ** 2 + 0.91 ** 2 + 0.05 ** 2) / 3);
    expect(summary.expectedError).toBeCloseTo((2 / 3) * 0.43 + (1 / 3) * 0.05);
  });
});
