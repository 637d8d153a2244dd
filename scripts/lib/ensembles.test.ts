import { describe, expect, it } from "vitest";
import { type TrainingSet, matrixFromRows, matrixRow } from "./dataset";
import reference from "./fixtures/sklearn-ensembles.json";
import { EXTRA_TREES_DEFAULTS, SEED_RANDOM_FOREST, trainForest } from "./forest";
import { GRADIENT_BOOSTING_DEFAULTS, trainGradientBoosting } from "./gbdt";
import { rocAuc, rocCurve } from "./roc";
import { type TreeEnsemble, predictEnsembleRaw } from "./tree";

const PRIMES = [101, 103, 107, 109, 113, 127, 131, 137];

/** The data of fixtures/sklearn-ensembles.py: eight features from integer formulas, an interaction, noise. */
function data(offset: number, n: number): TrainingSet {
  const rows = Array.from({ length: n }, (_, k) => PRIMES.map((p, j) => (((offset + k) * (37 + 2 * j)) % p) / p - 0.5));
  const x = matrixFromRows(rows);
  const y = Uint8Array.from(rows, (_, k) => {
    const [a, b, c, d] = matrixRow(x, k);
    const noise = (((offset + k) * 7919) % 1009) / 1009 - 0.5;
    return Number(a + 2 * b * c + 0.3 * d + 0.6 * noise > 0);
  });
  return { x, y };
}

const train = data(0, 1500);
const test = data(5000, 1500);
const testAuc = (ensemble: TreeEnsemble) =>
  rocAuc(rocCurve(Array.from(test.y, (_, k) => predictEnsembleRaw(ensemble, matrixRow(test.x, k))), test.y));
const expectWithin = (auc: number, sklearnAuc: number) => expect(Math.abs(auc - sklearnAuc)).toBeLessThan(0.02);

describe("learners against scikit-learn's on the same data (test ROC AUC within 0.02)", () => {
  it("the seed's random forest ~ RandomForestClassifier(n_estimators=200)", () => {
    expectWithin(testAuc(trainForest(train, { ...SEED_RANDOM_FOREST, seed: 1 })), reference.seedRandomForest);
  });

  it("extra trees ~ ExtraTreesClassifier(n_estimators=200)", () => {
    expectWithin(testAuc(trainForest(train, { ...EXTRA_TREES_DEFAULTS, nTrees: 200, seed: 1 })), reference.extraTrees);
  });

  it("gradient boosting ~ HistGradientBoostingClassifier with the same leaves, rate and rounds", () => {
    const { ensemble } = trainGradientBoosting(train, { ...GRADIENT_BOOSTING_DEFAULTS, seed: 1 });
    expectWithin(testAuc(ensemble), reference.histGradientBoosting);
  });
});
