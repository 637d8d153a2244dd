import { describe, expect, it } from "vitest";
import { protocolMetrics } from "./metrics";

describe("protocolMetrics", () => {
  // Two folds; system B overlaps the reals, system A does not.
  const scores = Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.9, 0.8, 0.35, 0.15);
  const labels = Uint8Array.of(0, 0, 0, 0, 1, 1, 1, 1);
  const units = ["source:r1", "source:r1", "source:r2", "source:r2", "system:A", "system:A", "system:B", "system:B"];
  const foldOf = Int32Array.of(0, 0, 1, 1, 0, 0, 1, 1);
  const m = protocolMetrics(scores, labels, units, foldOf, { fake: 0.5, real: 0.25 });

  it("scores each fake system against all reals and macro-averages", () => {
    expect(m.systems.map((s) => [s.unit, s.n, s.eer])).toEqual([
      ["system:A", 2, 0],
      ["system:B", 2, 0.5],
    ]);
    expect(m.macroSystemEer).toBe(0.25);
    expect(m.systems[1].wrongVerdictRate).toBe(0.5); // 0.15 <= real threshold
    expect(m.systems[1].uncertainRate).toBe(0.5);
  });

  it("gives real sources their false-fake rate and per-fold figures", () => {
    expect(m.sources.map((s) => s.wrongVerdictRate)).toEqual([0, 0]);
    expect(m.folds[0]).toMatchObject({ nReal: 2, nFake: 2, eer: 0, auc: 1, accuracy: 1 });
    expect(m.folds[1]).toMatchObject({ nReal: 2, nFake: 2, accuracy: 0.5, fakeRecall: 0 });
    expect(m.pooled).toMatchObject({ nReal: 4, nFake: 4 });
  });
});
