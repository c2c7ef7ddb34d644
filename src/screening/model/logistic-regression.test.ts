import { describe, expect, it } from 'vitest';
import type { SparseVector } from './feature-space.js';
import { fitLogisticRegression, scoreVector, sigmoid } from './logistic-regression.js';
import { minimiseLbfgs } from './minimise-lbfgs.js';

function vector(entries: [number, number][]): SparseVector {
  return {
    indices: Int32Array.from(entries, ([index]) => index),
    values: Float64Array.from(entries, ([, value]) => value),
  };
}

describe('minimiseLbfgs()', () => {
  it('finds the minimum of a convex quadratic', () => {
    // f(x, y) = (x − 3)² + 10 (y + 1)²
    const x = minimiseLbfgs(
      (point, gradient) => {
        const [a = 0, b = 0] = point;
        gradient[0] = 2 * (a - 3);
        gradient[1] = 20 * (b + 1);
        return (a - 3) ** 2 + 10 * (b + 1) ** 2;
      },
      new Float64Array([0, 0]),
    );
    expect(x[0]).toBeCloseTo(3, 5);
    expect(x[1]).toBeCloseTo(-1, 5);
  });
});

describe('fitLogisticRegression()', () => {
  const vectors = [vector([[0, 1]]), vector([[0, 1]]), vector([[1, 1]]), vector([[1, 1]])];
  const targets = [1, 1, 0, 0];

  it('learns which feature goes with which class', () => {
    const model = fitLogisticRegression(vectors, targets, 2, { c: 10 });
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(sigmoid(scoreVector(vectors[0] as SparseVector, model))).toBeGreaterThan(0.8);
  });

  it('stops at the penalised optimum, where the gradient vanishes', () => {
    const c = 0.5;
    const model = fitLogisticRegression(vectors, targets, 2, { c });
    const gradient = [0, 0];
    let biasGradient = 0;
    vectors.forEach((each, example) => {
      const residual = c * (sigmoid(scoreVector(each, model)) - (targets[example] ?? 0));
      each.indices.forEach((index, k) => {
        gradient[index] = (gradient[index] ?? 0) + residual * (each.values[k] ?? 0);
      });
      biasGradient += residual;
    });
    expect((gradient[0] ?? 0) + (model.weights[0] ?? 0)).toBeCloseTo(0, 4);
    expect((gradient[1] ?? 0) + (model.weights[1] ?? 0)).toBeCloseTo(0, 4);
    expect(biasGradient).toBeCloseTo(0, 4);
  });

  it('weighs examples by their weight', () => {
    const heavy = fitLogisticRegression(vectors, targets, 2, {
      c: 1,
      exampleWeights: [5, 5, 1, 1],
    });
    const even = fitLogisticRegression(vectors, targets, 2, { c: 1 });
    expect(heavy.bias).toBeGreaterThan(even.bias);
  });
});
