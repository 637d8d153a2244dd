import { describe, expect, it } from "vitest";
import { CUE_NAMES } from "./cues";
import type { FeatureTable } from "./feature-table";
import { clipRow } from "./test-rows";
import { classBalanced, isAugmentedRow, rakedRowWeights, rakingDescription, scaleAugmentedRows, unitRowWeights } from "./weights";

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

describe("rakedRowWeights", () => {
  // Real: one GitHub clip and three from Debian packages; fake: three GitHub clips and one from a package. One row
  // per clip; every cue has one value, so raking on the cues alone changes nothing.
  const rows = [
    ["github/real/a/1.wav", "real"], ["local/real/b/1.wav", "real"], ["local/real/b/2.wav", "real"], ["local/real/b/3.wav", "real"],
    ["github/fake/c/1.wav", "fake"], ["github/fake/c/2.wav", "fake"], ["github/fake/d/1.wav", "fake"], ["local/fake/e/1.wav", "fake"],
  ] as const;
  const table = {
    clips: rows.map(([path, label]) => ({ row: clipRow({ path, label, source: "s" }) })),
    labels: Uint8Array.from(rows, ([, label]) => Number(label === "fake")),
    rowClip: Int32Array.from(rows, (_, i) => i),
    cues: { nRows: rows.length, nCols: CUE_NAMES.length, values: new Float32Array(rows.length * CUE_NAMES.length).fill(0.5) },
  } as unknown as FeatureTable;
  const ones = new Float64Array(rows.length).fill(1);
  const githubShare = (w: Float64Array, label: number) => {
    const of = (keep: (i: number) => boolean) => rows.reduce((sum, _, i) => sum + (table.labels[i] === label && keep(i) ? w[i] : 0), 0);
    return of((i) => rows[i][0].startsWith("github/")) / of(() => true);
  };

  it("leaves the weights as they are when raking on nothing, or on cues that do not vary", () => {
    expect(rakedRowWeights(table, ones, { cues: false, origins: false })).toBe(ones);
    expect(Array.from(rakedRowWeights(table, ones, { cues: true, origins: false }))).toEqual(Array.from(ones));
  });

  it("gives the GitHub clips the same share of both classes' weight, keeping each class's total", () => {
    expect([githubShare(ones, 0), githubShare(ones, 1)]).toEqual([0.25, 0.75]);
    for (const cues of [false, true]) {
      const w = rakedRowWeights(table, ones, { cues, origins: true });
      expect(githubShare(w, 0)).toBeCloseTo(0.5, 9);
      expect(githubShare(w, 1)).toBeCloseTo(0.5, 9);
      expect(w.slice(0, 4).reduce((a, b) => a + b)).toBeCloseTo(4, 9);
      expect(w.slice(4).reduce((a, b) => a + b)).toBeCloseTo(4, 9);
    }
  });

  it("says what it rakes on", () => {
    expect(rakingDescription({ cues: false, origins: false })).toBe("");
    expect(rakingDescription({ cues: true, origins: true })).toMatch(/trivial cue .* and the clip's origin/);
  });
});
