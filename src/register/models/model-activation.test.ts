import { describe, expect, it } from 'vitest';

import type { ModelEvaluation } from '../../screening/model/train-and-evaluate.js';
import {
  activationInUse,
  activationRefusal,
  figuresOf,
  type ActivationComparison,
  type ModelActivation,
} from './model-activation.js';

const comparison = (
  candidate: number,
  baseline: number,
  learnedFrom = 0,
): ActivationComparison => ({
  candidateVersion: '2026-12-08.bbbbbbbb',
  candidateMacroF1: candidate,
  inUseVersion: '2026-12-07.aaaaaaaa',
  inUseReviewedFindings: learnedFrom,
  baselineMacroF1: baseline,
});

describe('activationRefusal()', () => {
  it.each([
    ['better than the baseline', 0.8, 0.75],
    ['as good as the baseline', 0.75, 0.75],
    ['equal but for the last bits of floating point', 0.75 - 1e-12, 0.75],
    ['perfect, against a perfect baseline', 1, 1],
    ['no better than a baseline of nothing', 0, 0],
  ])('lets a model %s become active', (_, candidate, baseline) => {
    expect(activationRefusal(comparison(candidate, baseline))).toBeUndefined();
  });

  it.each([
    ['a little worse', 0.749, 0.75],
    ['much worse', 0.5, 0.76],
    ['worse by less than a thousandth', 0.7499, 0.75],
  ])('refuses a model %s than the baseline', (_, candidate, baseline) => {
    expect(activationRefusal(comparison(candidate, baseline))).toMatch(/^Cannot make model/);
  });

  it('names both models and both figures, and says what to do next', () => {
    expect(activationRefusal(comparison(0.5012, 0.7561, 12))).toBe(
      'Cannot make model 2026-12-08.bbbbbbbb active: its cross-validated macro-F1 on the corpus ' +
        'is 0.501, below 0.756 for the same corpus and folds with the 12 reviewed findings that ' +
        "model 2026-12-07.aaaaaaaa learned from. The reviewers' decisions since then made " +
        'screening worse on real text, so model 2026-12-07.aaaaaaaa stays in use; check those ' +
        'decisions and train again',
    );
  });

  it('says the baseline has no reviewed findings when the model in use learned from none', () => {
    expect(activationRefusal(comparison(0.7, 0.71))).toContain(
      'for the same corpus and folds without reviewed findings, as model 2026-12-07.aaaaaaaa was trained.',
    );
  });

  it('shows as many decimals as it takes for the two figures to differ', () => {
    expect(activationRefusal(comparison(0.75001, 0.75004))).toContain('is 0.75001, below 0.75004');
  });
});

const activation = (catalogueVersion: string): ModelActivation => ({
  id: 1,
  version: '2026-12-07.aaaaaaaa',
  createdAt: '2026-12-07T10:00:00.000Z',
  catalogueVersion,
  sha256: 'ab'.repeat(32),
  trainingData: {
    sha256: 'cd'.repeat(32),
    passages: 120,
    sources: 120,
    corpora: ['c.jsonl'],
    reviewedFindings: 0,
  },
  reviewedFindings: { confirmed: [], rejected: [] },
  evaluation: {
    folds: 5,
    threshold: 0.5,
    passages: 120,
    macroF1: 0.75,
    baselineMacroF1: 0.75,
    certainMacroF1: 0.76,
    critiqueShare: 0,
    brier: 0.12,
    expectedCalibrationError: 0.1,
    falseLeadsPerHundredThousandWords: null,
  },
  previousVersion: '2026-12-01.00000000',
  activatedAt: '2026-12-07T10:00:05.000Z',
  activatedBy: 'ana',
});

describe('activationInUse()', () => {
  it('uses the shipped model, without a warning, when no model was made active', () => {
    expect(activationInUse(undefined, '2026.11.26')).toEqual({
      activation: undefined,
      warning: null,
    });
  });

  it('uses the active model trained with the current catalogue', () => {
    const active = activation('2026.11.26');
    expect(activationInUse(active, '2026.11.26')).toEqual({ activation: active, warning: null });
  });

  it('falls back to the shipped model, and says why, when the catalogue has changed since', () => {
    const choice = activationInUse(activation('2026.11.20'), '2026.11.26');
    expect(choice.activation).toBeUndefined();
    expect(choice.warning).toBe(
      "The register's active screening model 2026-12-07.aaaaaaaa was trained with catalogue " +
        '2026.11.20, and the catalogue is now 2026.11.26: screening uses the model shipped with ' +
        'simwatch instead. Train the model again with "simwatch model train"',
    );
  });
});

describe('figuresOf()', () => {
  it('keeps the headline figures of an evaluation beside the baseline it was compared with', () => {
    const scores = (macroF1: number) => ({
      passages: 120,
      perLabel: [],
      macroF1,
      critique: { total: 10, flagged: 1, share: 0.1 },
    });
    const evaluation: ModelEvaluation = {
      folds: 5,
      threshold: 0.5,
      withUncertain: scores(0.77),
      certainOnly: scores(0.8),
      byThreshold: [],
      calibration: { judged: 90, bands: [], brier: 0.12, expectedError: 0.08 },
      learningCurve: [],
      ordinaryDocuments: {
        documents: 3,
        words: 40_000,
        findings: 2,
        perHundredThousandWords: 5,
        byLabel: {},
      },
    };
    expect(figuresOf(evaluation, 0.75)).toEqual({
      folds: 5,
      threshold: 0.5,
      passages: 120,
      macroF1: 0.77,
      baselineMacroF1: 0.75,
      certainMacroF1: 0.8,
      critiqueShare: 0.1,
      brier: 0.12,
      expectedCalibrationError: 0.08,
      falseLeadsPerHundredThousandWords: 5,
    });
  });
});
