/**
 * The training library: pure learners, metrics and calibration over typed arrays, deterministic from a seed,
 * and the compiler to the model binary that the Worker loads (src/model).
 *
 * - Data: `TrainingSet` (dataset.ts): a row-major float32 `FeatureMatrix`, 0/1 labels (1 = fake), optional weights.
 * - Learners, each returning plain-data trees (tree.ts) that compile exactly: `trainForest` with
 *   `RANDOM_FOREST_DEFAULTS`, `EXTRA_TREES_DEFAULTS`, `DECISION_TREE_DEFAULTS` or `SEED_RANDOM_FOREST` (forest.ts,
 *   cart.ts); `trainGradientBoosting` with `GRADIENT_BOOSTING_DEFAULTS` (gbdt.ts). A baseline that does not
 *   compile: `trainLogisticRegression` (logistic-regression.ts).
 * - Calibration on out-of-fold raw scores: `fitPlatt`, `fitIsotonic` (calibration.ts).
 * - Metrics: `rocCurve`, `rocAuc`, `equalErrorRate`, `detCurve`, `singleFeatureBalancedAccuracy` (roc.ts);
 *   `confusionAt`, `accuracy`, `balancedAccuracy`, `perClassScores` (classification-metrics.ts);
 *   `chooseVerdictThresholds` (verdict-thresholds.ts). Plots: `plotRoc`, `plotDet` (curve-plot.ts).
 * - Randomness: `mulberry32`, `shuffle`, `sampleWithoutReplacement`, `randomNormal` (prng.ts).
 *
 * @example
 * const train: TrainingSet = { x: matrixFromRows(featureRows), y: labels };
 * const { ensemble } = trainGradientBoosting(train, { ...GRADIENT_BOOSTING_DEFAULTS, nEstimators: 300, seed: 7 }, validation);
 * const calibration = fitPlatt(outOfFoldRawScores, outOfFoldLabels); // raw = predictEnsembleRaw(foldModel, x)
 * const blob = compileEnsemble(ensemble, calibration); // Uint8Array, the model binary
 * const forest = parseForest(blob); // in the Worker
 * const probabilityFake = predictCalibrated(forest, features); // === the in-memory model's, exactly
 * const verdict = verdictOf(probabilityFake, chooseVerdictThresholds(validationProbabilities, validationLabels,
 *   { maxRealCalledFake: 0.05, maxFakeCalledReal: 0.05 }).thresholds);
 */
export * from "./calibration";
export * from "./cart";
export * from "./classification-metrics";
export * from "./compile";
export * from "./curve-plot";
export * from "./dataset";
export * from "./forest";
export * from "./gbdt";
export * from "./logistic-regression";
export * from "./prng";
export * from "./roc";
export * from "./tree";
export * from "./verdict-thresholds";
