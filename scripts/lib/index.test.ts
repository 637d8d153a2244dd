import { describe, expect, it } from "vitest";
import { applyCalibration, parseForest, predictCalibrated, verdictOf } from "../../src/model";
import {
  GRADIENT_BOOSTING_DEFAULTS,
  type TrainingSet,
  chooseVerdictThresholds,
  compileEnsemble,
  fitPlatt,
  matrixFromRows,
  matrixRow,
  mulberry32,
  predictEnsembleRaw,
  randomNormal,
  selectTrainingRows,
  trainGradientBoosting,
} from ".";

function noisySet(seed: number, nRows: number): TrainingSet {
  const random = mulberry32(seed);
  const rows = Array.from({ length: nRows }, () => Array.from({ length: 6 }, () => randomNormal(random)));
  return { x: matrixFromRows(rows), y: Uint8Array.from(rows, (r) => Number(r[0] + r[1] * r[2] + randomNormal(random) > 0)) };
}

describe("the documented flow: train, calibrate out of fold, compile, parse, predict, decide", () => {
  it("gives the Worker exactly the in-memory model's calibrated probabilities", () => {
    const data = noisySet(1, 900);
    const validation = noisySet(2, 300);
    const options = { ...GRADIENT_BOOSTING_DEFAULTS, nEstimators: 60, earlyStoppingRounds: 10, seed: 7 };
    // Out-of-fold raw scores from two folds, then the final model on everything.
    const folds = [0, 1].map((fold) => Array.from({ length: 900 }, (_, i) => i).filter((i) => i % 2 === fold));
    const outOfFold = new Float64Array(900);
    folds.forEach((held, fold) => {
      const { ensemble } = trainGradientBoosting(selectTrainingRows(data, folds[1 - fold]), options, validation);
      for (const i of held) outOfFold[i] = predictEnsembleRaw(ensemble, matrixRow(data.x, i));
    });
    const calibration = fitPlatt(outOfFold, data.y);
    const { ensemble } = trainGradientBoosting(data, options, validation);
    const forest = parseForest(compileEnsemble(ensemble, calibration));

    const probabilities = Array.from(validation.y, (_, i) => predictCalibrated(forest, matrixRow(validation.x, i)));
    probabilities.forEach((p, i) => {
      const raw = predictEnsembleRaw(ensemble, matrixRow(validation.x, i));
      expect(p).toBe(applyCalibration(calibration, raw, Number.NaN));
    });
    const { thresholds, realCalledFake, fakeCalledReal } = chooseVerdictThresholds(probabilities, validation.y, {
      maxRealCalledFake: 0.05,
      maxFakeCalledReal: 0.05,
    });
    expect(realCalledFake).toBeLessThanOrEqual(0.05);
    expect(fakeCalledReal).toBeLessThanOrEqual(0.05);
    expect(verdictOf(thresholds.fake, thresholds)).toBe("fake");
    expect(verdictOf(thresholds.real, thresholds)).toBe("real");
  });
});
