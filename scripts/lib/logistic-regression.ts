/**
 * L2-regularised logistic regression on standardised features (scikit-learn's StandardScaler followed by
 * LogisticRegression(C)): minimises 1/2 |coefficients|^2 + C * sum of weighted log losses, intercept not
 * penalised, by L-BFGS. The core fit takes soft targets in [0, 1], which Platt scaling needs.
 */
import { sigmoid } from "../../src/model/calibration";
import { type ClassWeight, type FeatureMatrix, type TrainingSet, checkTrainingSet, rowWeights } from "./dataset";
import { LBFGS_DEFAULTS, minimizeLbfgs } from "./lbfgs";

export interface LogisticOptions {
  /** Inverse regularisation strength, scikit-learn's C. */
  c: number;
  /** Centre and scale each feature by its training mean and (population) standard deviation first. */
  standardize: boolean;
  classWeight?: ClassWeight;
  maxIterations: number;
}

/** scikit-learn's LogisticRegression defaults, behind a StandardScaler. */
export const LOGISTIC_REGRESSION_DEFAULTS: LogisticOptions = { c: 1, standardize: true, maxIterations: 1000 };

export interface LogisticModel {
  /** Per feature, subtracted before scaling (0 without standardisation). */
  mean: Float64Array;
  /** Per feature, divided by after centring (1 without standardisation, and for a constant feature). */
  scale: Float64Array;
  /** Per standardised feature. */
  coefficients: Float64Array;
  intercept: number;
  converged: boolean;
}

/** The log-odds for one feature vector. */
export function logisticMargin(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.intercept;
  for (let j = 0; j < model.coefficients.length; j++) z += (model.coefficients[j] * (x[j] - model.mean[j])) / model.scale[j];
  return z;
}

export function logisticProbability(model: LogisticModel, x: ArrayLike<number>): number {
  return sigmoid(logisticMargin(model, x));
}

function standardization(x: FeatureMatrix, standardize: boolean) {
  const mean = new Float64Array(x.nCols);
  const scale = new Float64Array(x.nCols).fill(1);
  if (!standardize || x.nRows === 0) return { mean, scale };
  for (let k = 0; k < x.values.length; k++) mean[k % x.nCols] += x.values[k];
  for (let j = 0; j < x.nCols; j++) mean[j] /= x.nRows;
  const variance = new Float64Array(x.nCols);
  for (let k = 0; k < x.values.length; k++) variance[k % x.nCols] += (x.values[k] - mean[k % x.nCols]) ** 2;
  for (let j = 0; j < x.nCols; j++) if (variance[j] > 0) scale[j] = Math.sqrt(variance[j] / x.nRows);
  return { mean, scale };
}

/**
 * Fits coefficients and intercept to soft targets t in [0, 1] by minimising
 * l2 / 2 * |coefficients|^2 + sum_i weight_i * (-t_i log p_i - (1 - t_i) log(1 - p_i)), with features used as
 * given (`rows` is row-major, nCols per row). The objective is divided by the total weight for the optimiser.
 */
export function fitLogistic(
  rows: Float64Array,
  nCols: number,
  targets: Float64Array,
  weight: Float64Array,
  l2: number,
  maxIterations: number,
) {
  const nRows = targets.length;
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const residual = new Float64Array(nRows);
  const objective = (parameters: Float64Array, gradient: Float64Array) => {
    gradient.fill(0);
    let loss = 0;
    for (let i = 0; i < nRows; i++) {
      let z = parameters[nCols];
      for (let j = 0; j < nCols; j++) z += parameters[j] * rows[i * nCols + j];
      // -t log s(z) - (1 - t) log(1 - s(z)) = log(1 + e^z) - t z, computed without overflow.
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      loss += weight[i] * (softplus - targets[i] * z);
      residual[i] = weight[i] * (sigmoid(z) - targets[i]);
    }
    for (let i = 0; i < nRows; i++) {
      for (let j = 0; j < nCols; j++) gradient[j] += residual[i] * rows[i * nCols + j];
      gradient[nCols] += residual[i];
    }
    let penalty = 0;
    for (let j = 0; j < nCols; j++) {
      penalty += parameters[j] * parameters[j];
      gradient[j] += l2 * parameters[j];
    }
    for (let j = 0; j <= nCols; j++) gradient[j] /= totalWeight;
    return (loss + (l2 / 2) * penalty) / totalWeight;
  };
  const result = minimizeLbfgs(objective, new Float64Array(nCols + 1), { ...LBFGS_DEFAULTS, maxIterations });
  return { coefficients: result.x.slice(0, nCols), intercept: result.x[nCols], converged: result.converged };
}

/**
 * @example
 * const model = trainLogisticRegression({ x, y }, LOGISTIC_REGRESSION_DEFAULTS);
 * const p = logisticProbability(model, features);
 */
export function trainLogisticRegression(set: TrainingSet, options: LogisticOptions): LogisticModel {
  checkTrainingSet(set);
  const { nRows, nCols, values } = set.x;
  if (nRows === 0) throw new RangeError("no rows to fit");
  const { mean, scale } = standardization(set.x, options.standardize);
  const rows = Float64Array.from(values, (v, k) => (v - mean[k % nCols]) / scale[k % nCols]);
  const targets = Float64Array.from(set.y);
  const fitted = fitLogistic(rows, nCols, targets, rowWeights(set, options.classWeight), 1 / options.c, options.maxIterations);
  return { mean, scale, ...fitted };
}
