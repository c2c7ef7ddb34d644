import { describe, expect, it } from 'vitest';

import { sampleEvaluation } from '../test-support/sample-evaluation.js';
import { modelEvaluationOf, modelEvaluationView } from './model-evaluation-view.js';

describe('modelEvaluationOf()', () => {
  it('reads the evaluation a model carries', () => {
    const evaluation = sampleEvaluation();
    expect(modelEvaluationOf({ evaluation })).toBe(evaluation);
  });

  it('reads none from a model without one, or with one of another shape', () => {
    expect(modelEvaluationOf({ evaluation: null })).toBeUndefined();
    expect(modelEvaluationOf({ evaluation: { macroF1: 0.4 } })).toBeUndefined();
    expect(modelEvaluationOf({ evaluation: 'good' })).toBeUndefined();
  });
});

describe('modelEvaluationView()', () => {
  const view = modelEvaluationView(sampleEvaluation(), { id: 'model' });

  it('gives both sets of figures, every labelled passage first, with label names', () => {
    expect(view.sets.map((set) => [set.id, set.passages, set.macroF1])).toEqual([
      ['all', 800, 0.4],
      ['certain', 500, 0.5],
    ]);
    expect(view.sets[0]?.rows.map((row) => row.name)).toEqual([
      'Police in care planning',
      'Coercion and sanctions',
      'Discrimination against high intensity users',
      'SIM by name',
      'Assurance',
    ]);
  });

  it('marks assurances as left out of the average, and the default threshold', () => {
    expect(view.sets[0]?.rows.filter((row) => !row.averaged).map((row) => row.label)).toEqual([
      'assurance',
    ]);
    expect(view.byThreshold.filter((row) => row.isDefault).map((row) => row.threshold)).toEqual([
      0.5,
    ]);
  });

  it('gives no precision when nothing was flagged, and no recall when there was nothing to find', () => {
    const evaluation = sampleEvaluation();
    const [first] = evaluation.withUncertain.perLabel;
    if (!first) throw new Error('The sample has per-label figures');
    Object.assign(first, { truePositives: 0, falsePositives: 0, precision: 1 });
    const second = evaluation.withUncertain.perLabel[1];
    Object.assign(second ?? {}, { truePositives: 0, falseNegatives: 0, recall: 1 });
    const [row, next] = modelEvaluationView(evaluation, { id: 'x' }).sets[0]?.rows ?? [];
    expect(row?.precision).toBeNull();
    expect(row?.recall).toBe(0.25);
    expect(next?.recall).toBeNull();
  });

  it('draws the learning curve with its figures described in words', () => {
    expect(view.learningCurve.rows).toHaveLength(3);
    expect(view.learningCurve.chart).toContain('id="model-learning-curve-title"');
    expect(view.learningCurve.chart).toContain(
      'was 25.0% when trained on about 160 passages and 40.0% when trained on about 640',
    );
  });

  it('names the labels found on ordinary documents, and gives none when none were read', () => {
    expect(view.ordinaryDocuments?.byLabel).toEqual([
      { name: 'Police in care planning', findings: 1 },
      { name: 'Coercion and sanctions', findings: 1 },
    ]);
    const without = modelEvaluationView(
      { ...sampleEvaluation(), ordinaryDocuments: null },
      { id: 'model' },
    );
    expect(without.ordinaryDocuments).toBeNull();
  });
});
