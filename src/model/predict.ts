/**
 * Scoring one feature vector with a parsed Forest. Features are float32 (a Float32Array), thresholds are float32,
 * and x <= threshold goes left, as scikit-learn and LightGBM do; a NaN feature goes right.
 */
import { applyCalibration, sigmoid } from "./calibration";
import { type Forest, LEAF_BIT } from "./forest";

/**
 * The forest's raw score: the mean of the trees' leaf values for "mean" forests, baseScore plus the sum of the
 * leaf values (the log-odds margin) for "logistic-sum" ones. Leaf values are summed in tree order in float64,
 * then the sum is divided by the tree count or added to baseScore.
 */
export function predictRaw(forest: Forest, x: Float32Array): number {
  if (x.length !== forest.nFeatures) {
    throw new RangeError(`the model expects ${forest.nFeatures} features, got ${x.length}`);
  }
  const { splitStart, leafStart, feature, threshold, children, leafValue } = forest;
  const nTrees = splitStart.length - 1;
  let sum = 0;
  for (let t = 0; t < nTrees; t++) {
    const root = splitStart[t];
    let leaf = 0;
    if (splitStart[t + 1] > root) {
      let node = root;
      for (;;) {
        const child = children[2 * node + (x[feature[node]] <= threshold[node] ? 0 : 1)];
        if (child & LEAF_BIT) {
          leaf = child & ~LEAF_BIT;
          break;
        }
        node = root + child;
      }
    }
    sum += leafValue[leafStart[t] + leaf];
  }
  return forest.aggregation === "mean" ? sum / nTrees : forest.baseScore + sum;
}

/** The uncalibrated probability: the raw score of a "mean" forest, the logistic of a "logistic-sum" one's. */
export function probabilityFromRaw(forest: Forest, raw: number): number {
  return forest.aggregation === "mean" ? raw : sigmoid(raw);
}

/** The uncalibrated probability of the positive class. */
export function predictProba(forest: Forest, x: Float32Array): number {
  return probabilityFromRaw(forest, predictRaw(forest, x));
}

/** The probability after the forest's calibration (which maps the raw score), or predictProba without one. */
export function predictCalibrated(forest: Forest, x: Float32Array): number {
  return calibratedFromRaw(forest, predictRaw(forest, x));
}

/** The calibrated probability of a raw score (one vector's, or a mean of several vectors' raw scores). */
export function calibratedFromRaw(forest: Forest, raw: number): number {
  return applyCalibration(forest.calibration, raw, probabilityFromRaw(forest, raw));
}
