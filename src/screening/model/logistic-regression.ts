import type { SparseVector } from './feature-space.js';
import { minimiseLbfgs } from './minimise-lbfgs.js';

/** A linear model: the score of a vector is its dot product with `weights`, plus `bias`. */
export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

/** How to fit: `c` is the inverse strength of the L2 penalty (as in liblinear and scikit-learn). */
export interface FitOptions {
  c: number;
  /** Weight of each example (default 1 each). */
  exampleWeights?: readonly number[];
  maxIterations?: number;
}

/**
 * Fits L2-regularised logistic regression: minimises `c × Σ weightᵢ × log-loss(yᵢ, σ(x·w + b))
 * + ½‖w‖²` (the bias is not penalised) by L-BFGS.
 */
export function fitLogisticRegression(
  vectors: readonly SparseVector[],
  targets: readonly number[],
  dimensions: number,
  options: FitOptions,
): LinearModel {
  const { c } = options;
  const exampleWeights = options.exampleWeights ?? vectors.map(() => 1);
  const loss = (parameters: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let total = 0;
    const bias = parameters[dimensions] ?? 0;
    vectors.forEach((vector, example) => {
      const weight = (exampleWeights[example] ?? 1) * c;
      if (weight === 0) return;
      const z = dot(vector, parameters) + bias;
      const y = targets[example] ?? 0;
      // log(1 + e^-z) for y = 1 and log(1 + e^z) for y = 0, computed without overflow.
      total += weight * softplus(y === 1 ? -z : z);
      const residual = weight * (sigmoid(z) - y);
      for (let k = 0; k < vector.indices.length; k += 1) {
        const index = vector.indices[k] ?? 0;
        gradient[index] = (gradient[index] ?? 0) + residual * (vector.values[k] ?? 0);
      }
      gradient[dimensions] = (gradient[dimensions] ?? 0) + residual;
    });
    for (let index = 0; index < dimensions; index += 1) {
      const value = parameters[index] ?? 0;
      total += 0.5 * value * value;
      gradient[index] = (gradient[index] ?? 0) + value;
    }
    return total;
  };
  const x = minimiseLbfgs(loss, new Float64Array(dimensions + 1), options.maxIterations);
  return { weights: x.slice(0, dimensions), bias: x[dimensions] ?? 0 };
}

/** The model's score (log-odds before calibration) for a vector. */
export function scoreVector(vector: SparseVector, model: LinearModel): number {
  return dot(vector, model.weights) + model.bias;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function softplus(z: number): number {
  return z > 30 ? z : Math.log1p(Math.exp(z));
}

function dot(vector: SparseVector, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < vector.indices.length; k += 1)
    sum += (vector.values[k] ?? 0) * (weights[vector.indices[k] ?? 0] ?? 0);
  return sum;
}
