import { describe, expect, it } from "vitest";
import type { ClipRow } from "../dataset/manifest";
import { assignUnitFolds, trainingMasks } from "./folds";
import { clipRow } from "./test-rows";
import { unitOf } from "./units";

function corpus(): ClipRow[] {
  const rows: ClipRow[] = [];
  for (const source of ["a", "b", "c", "d"]) {
    for (let i = 0; i < 4; i++) rows.push(clipRow({ path: `real/${source}/${i}.wav`, label: "real", source, speaker_or_voice: "s" }));
  }
  for (const generator of ["espeak", "flite2", "sam"]) {
    for (let i = 0; i < 5; i++) rows.push(clipRow({ path: `fake/${generator}/${i}.wav`, label: "fake", source: generator }));
  }
  // Vocoder copies of source a's clips.
  for (let i = 0; i < 4; i++) {
    rows.push(clipRow({ path: `fake/lpcnet/${i}.wav`, label: "fake", source: "lpcnet", derived_from: `parent:real/a/${i}.wav` }));
  }
  return rows;
}

describe("leave-units-out folds", () => {
  const rows = corpus();
  const foldOf = assignUnitFolds(rows, 3, 7);
  const masks = trainingMasks(rows, foldOf, 3);

  it("keeps every unit whole in one fold and is seeded", () => {
    const foldsOfUnit = new Map<string, Set<number>>();
    rows.forEach((row, i) => foldsOfUnit.set(unitOf(row), (foldsOfUnit.get(unitOf(row)) ?? new Set()).add(foldOf[i])));
    for (const folds of foldsOfUnit.values()) expect(folds.size).toBe(1);
    expect(assignUnitFolds(rows, 3, 7)).toEqual(foldOf);
    expect(new Set(foldOf).size).toBe(3);
  });

  it("never trains on a test clip, nor on the parent or child of one", () => {
    for (let fold = 0; fold < 3; fold++) {
      rows.forEach((row, i) => {
        if (foldOf[i] === fold) expect(masks[fold][i]).toBe(0);
        const parent = row.derived_from.replace("parent:", "");
        const j = rows.findIndex((r) => r.path === parent);
        if (j >= 0 && (foldOf[i] === fold || foldOf[j] === fold)) {
          expect(masks[fold][i]).toBe(0);
          expect(masks[fold][j]).toBe(0);
        }
      });
    }
  });

  it("trains on every clip that is neither tested nor linked", () => {
    const lpcnetFold = foldOf[rows.findIndex((r) => r.source === "lpcnet")];
    const sourceAFold = foldOf[rows.findIndex((r) => r.source === "a")];
    for (let fold = 0; fold < 3; fold++) {
      rows.forEach((row, i) => {
        const linked = (row.source === "a" && fold === lpcnetFold) || (row.source === "lpcnet" && fold === sourceAFold);
        expect(masks[fold][i]).toBe(Number(foldOf[i] !== fold && !linked));
      });
    }
  });
});
