import { describe, expect, it } from "vitest";
import type { FeatureTable } from "./feature-table";
import { clipRow } from "./test-rows";
import { classBalanced, isAugmentedRow, scaleAugmentedRows, unitRowWeights } from "./weights";

describe("classBalanced", () => {
  it("scales each class to half the rows and keeps ratios inside a class", () => {
    const w = classBalanced(Float64Array.of(1, 3, 2, 2, 2, 2), Uint8Array.of(0, 0, 1, 1, 1, 1));
    expect(Array.from(w)).toEqual([0.75, 2.25, 0.75, 0.75, 0.75, 0.75]);
  });
});

describe("unitRowWeights", () => {
  // Unit "big" has 4 clips of one row each, unit "small" one clip of two rows.
  const clips = [..."abcd"].map((name) => clipRow({ path: name, label: "fake", source: "big" }));
  clips.push(clipRow({ path: "e", label: "fake", source: "small" }));
  const table = { clips: clips.map((row) => ({ row })), rowClip: Int32Array.of(0, 1, 2, 3, 4, 4) } as unknown as FeatureTable;

  it("gives a unit the square root of its size by default, shared by its clips' rows", () => {
    expect(Array.from(unitRowWeights(table))).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it("makes units or clips equal with the exponent 1 or 0", () => {
    expect(Array.from(unitRowWeights(table, 1))).toEqual([0.25, 0.25, 0.25, 0.25, 0.5, 0.5]);
    expect(Array.from(unitRowWeights(table, 0))).toEqual([1, 1, 1, 1, 0.5, 0.5]);
  });
});

describe("scaleAugmentedRows", () => {
  // Clip 0 as published, clean and augmented; clip 1 (not from the corpus) as published and augmented.
  const table = {
    copyNames: [["published", "clean", "noise+mp3"], ["published", "telephone"]],
    rowClip: Int32Array.of(0, 0, 0, 0, 1, 1, 1),
    rowCopy: Uint8Array.of(0, 0, 1, 2, 0, 1, 1),
  };
  it("knows an augmented row by its copy", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((row) => isAugmentedRow(table, row))).toEqual([false, false, false, true, false, true, true]);
  });
  it("scales the augmented copies' rows only", () => {
    expect(Array.from(scaleAugmentedRows(table, Float64Array.of(1, 1, 1, 1, 2, 2, 2), 0.25))).toEqual([1, 1, 1, 0.25, 2, 0.5, 0.5]);
  });
});
