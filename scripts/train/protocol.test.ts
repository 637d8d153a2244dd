import { describe, expect, it } from "vitest";
import type { TrainingSet } from "../lib";
import type { Learner } from "./learners";
import type { FeatureTable } from "./feature-table";
import { type Design, outOfFoldScores, tileRowDesign } from "./protocol";

describe("outOfFoldScores", () => {
  it("scores each clip with its fold's model as the mean raw score of its test vectors", () => {
    // Two folds of two clips; the fold's model adds its training set's size to a vector's first value.
    const design: Omit<Design, "rows"> = {
      trainingSet: (mask) => ({ x: { nRows: 0, nCols: 1, values: new Float32Array(0) }, y: Uint8Array.from(mask.filter((m) => m === 1)) }),
      testVectors: (clip) => [[1], [2, 5], [4, 4], [6]][clip].map((v) => Float32Array.of(v)),
    };
    const learner: Learner = {
      name: "first-value",
      description: "",
      parameters: {},
      train: (set: TrainingSet, seed: number) => ({ raw: (x) => x[0] + 10 * set.y.length + 100 * seed }),
    };
    const plan = { k: 2, foldOf: Int32Array.of(0, 0, 1, 1), masks: [Uint8Array.of(0, 0, 1, 1), Uint8Array.of(1, 1, 0, 0)] };
    // Fold 0 (seed 1) trains on two clips: 1 + 120; (2 + 5) / 2 + 120. Fold 1 (seed 2): 4 + 220; 6 + 220.
    expect([...outOfFoldScores(design, plan, learner, 1)]).toEqual([121, 123.5, 224, 226]);
  });
});

describe("tileRowDesign", () => {
  // Clip 0 (real): two rows (published whole row first) and two tiles; clip 1 (fake): one row and one tile.
  const table = {
    clips: [{}, {}],
    labels: Uint8Array.of(0, 1),
    x: { nRows: 3, nCols: 1, values: Float32Array.of(10, 11, 20) },
    rowClip: Int32Array.of(0, 0, 1),
    publishedRow: Int32Array.of(0, 2),
    cues: { nRows: 3, nCols: 1, values: Float32Array.of(1, 2, 3) },
    tileX: { nRows: 3, nCols: 1, values: Float32Array.of(1, 2, 3) },
    tileStart: Int32Array.of(0, 2, 3),
    tileCues: { nRows: 3, nCols: 1, values: Float32Array.of(5, 6, 7) },
  } as unknown as FeatureTable;
  const design = tileRowDesign(table, Float64Array.of(4, 1, 3));

  it("trains on the allowed clips' rows and tiles, a clip's tiles sharing its published row's weight", () => {
    const set = design.trainingSet(Uint8Array.of(1, 1));
    expect([...set.x.values]).toEqual([10, 11, 20, 1, 2, 3]);
    expect([...set.y]).toEqual([0, 0, 1, 0, 0, 1]);
    // Before class balancing 4, 1, 3, 2, 2, 3: the real class sums to 9, the fake to 6, each scaled to 3.
    [4 / 3, 1 / 3, 1.5, 2 / 3, 2 / 3, 1.5].forEach((w, row) => expect(set.weight![row]).toBeCloseTo(w, 12));
    const onlyFake = design.trainingSet(Uint8Array.of(0, 1));
    expect([...onlyFake.x.values]).toEqual([20, 3]);
  });

  it("gives the shortcut audit every row it trains on: rows then tiles, their cues, clips and weights", () => {
    expect([...design.rows.cues.values]).toEqual([1, 2, 3, 5, 6, 7]);
    expect([...design.rows.rowClip]).toEqual([0, 0, 1, 0, 0, 1]);
    expect([...design.rows.weight]).toEqual([4, 1, 3, 2, 2, 3]);
  });

  it("scores a clip by its tiles", () => {
    expect(design.testVectors(0).map((v) => [...v])).toEqual([[1], [2]]);
  });
});
