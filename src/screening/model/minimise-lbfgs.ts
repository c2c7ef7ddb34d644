/** A smooth function to minimise: returns its value at `x` and writes its gradient. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

const memory = 10;

/**
 * Minimises a smooth convex function by L-BFGS with a backtracking (Armijo) line search, from
 * `start`, until the gradient is tiny, the value stops falling, or `maxIterations` pass.
 */
export function minimiseLbfgs(
  f: Objective,
  start: Float64Array,
  maxIterations = 300,
): Float64Array {
  const n = start.length;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(n);
  let value = f(x, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const nextX = new Float64Array(n);
  const nextGradient = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    if (norm(gradient) < 1e-6 * Math.max(1, norm(x))) break;
    const direction = searchDirection(gradient, steps, changes, rhos);
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      // Not a descent direction (the curvature estimate went stale): start again from -gradient.
      steps.length = changes.length = rhos.length = 0;
      for (let i = 0; i < n; i += 1) direction[i] = -(gradient[i] ?? 0);
      slope = dot(direction, gradient);
    }
    let stepSize = iteration === 0 ? Math.min(1, 1 / norm(gradient)) : 1;
    let nextValue = Infinity;
    for (let tries = 0; tries < 40; tries += 1) {
      for (let i = 0; i < n; i += 1) nextX[i] = (x[i] ?? 0) + stepSize * (direction[i] ?? 0);
      nextValue = f(nextX, nextGradient);
      if (nextValue <= value + 1e-4 * stepSize * slope) break;
      stepSize /= 2;
    }
    if (!(nextValue < value)) break;
    const step = new Float64Array(n);
    const change = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      step[i] = (nextX[i] ?? 0) - (x[i] ?? 0);
      change[i] = (nextGradient[i] ?? 0) - (gradient[i] ?? 0);
    }
    const curvature = dot(step, change);
    if (curvature > 1e-10) {
      steps.push(step);
      changes.push(change);
      rhos.push(1 / curvature);
      if (steps.length > memory) {
        steps.shift();
        changes.shift();
        rhos.shift();
      }
    }
    const converged = value - nextValue < 1e-10 * Math.max(1, Math.abs(value));
    x = Float64Array.from(nextX);
    gradient = Float64Array.from(nextGradient);
    value = nextValue;
    if (converged) break;
  }
  return x;
}

/** The two-loop recursion: the inverse-Hessian estimate times the negative gradient. */
function searchDirection(
  gradient: Float64Array,
  steps: readonly Float64Array[],
  changes: readonly Float64Array[],
  rhos: readonly number[],
): Float64Array {
  const q = Float64Array.from(gradient);
  const alphas: number[] = [];
  for (let k = steps.length - 1; k >= 0; k -= 1) {
    const alpha = (rhos[k] ?? 0) * dot(steps[k] as Float64Array, q);
    alphas[k] = alpha;
    axpy(-alpha, changes[k] as Float64Array, q);
  }
  const last = steps.length - 1;
  if (last >= 0) {
    const change = changes[last] as Float64Array;
    const gamma = dot(steps[last] as Float64Array, change) / dot(change, change);
    for (let i = 0; i < q.length; i += 1) q[i] = (q[i] ?? 0) * gamma;
  }
  for (let k = 0; k < steps.length; k += 1) {
    const beta = (rhos[k] ?? 0) * dot(changes[k] as Float64Array, q);
    axpy((alphas[k] ?? 0) - beta, steps[k] as Float64Array, q);
  }
  for (let i = 0; i < q.length; i += 1) q[i] = -(q[i] ?? 0);
  return q;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

function axpy(scale: number, from: Float64Array, into: Float64Array): void {
  for (let i = 0; i < into.length; i += 1) into[i] = (into[i] ?? 0) + scale * (from[i] ?? 0);
}
