/**
 * The detector's model: a forest of binary decision trees in one little-endian binary (format.ts), parsed into
 * flat typed arrays (forest.ts) and scored by a tight loop (predict.ts). Runs in the Worker: no Node APIs.
 *
 * @example
 * const forest = parseForest(new Uint8Array(modelBytes)); // throws a RangeError on a corrupt model
 * const probabilityFake = predictCalibrated(forest, features); // features: Float32Array of forest.nFeatures
 * const verdict = verdictOf(probabilityFake, thresholds); // thresholds from the model card
 */
export { type Calibration, applyCalibration } from "./calibration";
export { type Aggregation, type Forest, treeCount } from "./forest";
export { encodeForest, parseForest } from "./format";
export { calibratedFromRaw, predictCalibrated, predictProba, predictRaw, probabilityFromRaw } from "./predict";
export { verdictOf } from "./verdict";
