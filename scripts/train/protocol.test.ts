import { describe, expect, it } from "vitest";
import type { TrainingSet } from "../lib";
import type { Learner } from "./learners";
import { type Design, outOfFoldScores } from "./protocol";

describe("outOfFoldScores", () => {
  it("scores each clip with its fold's model as the mean raw score of its test vectors", () => {
    // Two folds of two clips; the fold's model adds its training set's size to a vector's first value.
    const design: Design = {
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
