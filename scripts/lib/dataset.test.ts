import { describe, expect, it } from "vitest";
import {
  type TrainingSet,
  checkTrainingSet,
  matrixColumn,
  matrixFromRows,
  matrixRow,
  rowWeights,
  selectTrainingRows,
} from "./dataset";

const set = (): TrainingSet => ({
  x: matrixFromRows([
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 8],
  ]),
  y: Uint8Array.of(0, 1, 1, 1),
});

describe("feature matrices", () => {
  it("store rows one after another, as float32", () => {
    const { x } = set();
    expect(x).toMatchObject({ nRows: 4, nCols: 2 });
    expect([...matrixRow(x, 1)]).toEqual([3, 4]);
    expect([...matrixColumn(x, 1)]).toEqual([2, 4, 6, 8]);
    expect(matrixFromRows([[0.1]]).values[0]).toBe(Math.fround(0.1));
    expect(() => matrixFromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values/);
  });

  it("select rows with their labels and weights", () => {
    const picked = selectTrainingRows({ ...set(), weight: Float64Array.of(1, 2, 3, 4) }, [3, 0]);
    expect([...picked.x.values]).toEqual([7, 8, 1, 2]);
    expect([...picked.y]).toEqual([1, 0]);
    expect([...(picked.weight ?? [])]).toEqual([4, 1]);
  });
});

describe("checkTrainingSet", () => {
  it.each([
    ["a label count that differs from the rows", (s: TrainingSet) => (s.y = Uint8Array.of(0, 1)), /2 labels for 4 rows/],
    ["a label that is not 0 or 1", (s: TrainingSet) => (s.y[2] = 2), /label 2 at row 2/],
    ["a negative weight", (s: TrainingSet) => (s.weight = Float64Array.of(1, -1, 1, 1)), /bad weight at row 1/],
    ["a NaN feature", (s: TrainingSet) => (s.x.values[5] = Number.NaN), /feature 1 of row 2/],
  ])("rejects %s", (_, corrupt, message) => {
    const s = set();
    corrupt(s);
    expect(() => checkTrainingSet(s)).toThrow(message);
  });
});

describe("rowWeights", () => {
  it("balances classes as scikit-learn does: n / (2 * class count)", () => {
    expect([...rowWeights(set(), "balanced")]).toEqual([2, 2 / 3, 2 / 3, 2 / 3]);
  });

  it("multiplies sample weights by explicit class weights", () => {
    expect([...rowWeights({ ...set(), weight: Float64Array.of(1, 2, 3, 4) }, [10, 0.5])]).toEqual([10, 1, 1.5, 2]);
    expect([...rowWeights(set())]).toEqual([1, 1, 1, 1]);
  });
});
