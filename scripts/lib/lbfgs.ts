/**
 * Limited-memory BFGS for smooth convex objectives (logistic regression, Platt scaling): deterministic, with a
 * backtracking Armijo line search and the usual two-loop recursion.
 */

/** Returns f(x) and writes its gradient into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Converged when the largest gradient component is at most this. */
  gradientTolerance: number;
  /** Correction pairs kept. */
  memory: number;
}

export const LBFGS_DEFAULTS: LbfgsOptions = { maxIterations: 1000, gradientTolerance: 1e-8, memory: 10 };

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
};
const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

export function minimizeLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions = LBFGS_DEFAULTS): LbfgsResult {
  const n = start.length;
  let x = start.slice();
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const direction = new Float64Array(n);
  const alpha = new Float64Array(options.memory);
  let nextX = new Float64Array(n);
  let nextGradient = new Float64Array(n);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    if (maxAbs(gradient) <= options.gradientTolerance) return { x, value, iterations: iteration, converged: true };
    // Two-loop recursion: direction = -H gradient.
    for (let i = 0; i < n; i++) direction[i] = -gradient[i];
    for (let k = steps.length - 1; k >= 0; k--) {
      alpha[k] = dot(steps[k], direction) / dot(steps[k], changes[k]);
      for (let i = 0; i < n; i++) direction[i] -= alpha[k] * changes[k][i];
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const scale = dot(steps[last], changes[last]) / dot(changes[last], changes[last]);
      for (let i = 0; i < n; i++) direction[i] *= scale;
    }
    for (let k = 0; k < steps.length; k++) {
      const beta = dot(changes[k], direction) / dot(steps[k], changes[k]);
      for (let i = 0; i < n; i++) direction[i] += (alpha[k] - beta) * steps[k][i];
    }
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): forget the curvature pairs, go downhill.
      steps.length = 0;
      changes.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = dot(gradient, direction);
    }
    let step = steps.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let nextValue = Infinity;
    for (let tries = 0; tries < 60; tries++, step /= 2) {
      for (let i = 0; i < n; i++) nextX[i] = x[i] + step * direction[i];
      nextValue = objective(nextX, nextGradient);
      if (nextValue <= value + 1e-4 * step * slope) break;
    }
    if (!(nextValue <= value)) return { x, value, iterations: iteration, converged: false };
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = nextX[i] - x[i];
      y[i] = nextGradient[i] - gradient[i];
    }
    if (dot(s, y) > 1e-12 * dot(y, y)) {
      if (steps.length === options.memory) {
        steps.shift();
        changes.shift();
      }
      steps.push(s);
      changes.push(y);
    }
    [x, nextX] = [nextX, x];
    [gradient, nextGradient] = [nextGradient, gradient];
    const decrease = value - nextValue;
    value = nextValue;
    if (decrease <= 1e-16 * Math.max(1, Math.abs(value))) {
      return { x, value, iterations: iteration + 1, converged: maxAbs(gradient) <= options.gradientTolerance };
    }
  }
  return { x, value, iterations: options.maxIterations, converged: maxAbs(gradient) <= options.gradientTolerance };
}
