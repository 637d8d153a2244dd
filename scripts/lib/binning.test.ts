import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binMatrix, binOf, quantileBinEdges } from "./binning";
import { matrixFromRows } from "./dataset";

describe("quantileBinEdges", () => {
  it("gives every distinct value its own bin when there are few, with edges between them", () => {
    const edges = quantileBinEdges(Float32Array.of(3, 1, 2, 2, 1, 3, 3), 255);
    expect([...edges]).toEqual([1.5, 2.5]);
  });

  it("cuts many values into at most maxBins bins of similar row counts", () => {
    const values = Float32Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_007);
    const edges = quantileBinEdges(values, 16);
    expect(edges.length).toBe(15);
    const counts = new Array(16).fill(0);
    for (const v of values) counts[binOf(edges, v)]++;
    for (const count of counts) expect(Math.abs(count - 625)).toBeLessThanOrEqual(1);
  });

  it("keeps a heavily repeated value in one bin", () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : i));
    const edges = quantileBinEdges(values, 8);
    expect(binOf(edges, 0)).toBe(0);
    expect(edges[0]).toBeGreaterThan(0);
    expect(edges[0]).toBeLessThan(900);
  });

  it("places edges so that bin <= b exactly when value <= edges[b]", () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 400 }), fc.integer({ min: 2, max: 64 }), (list, maxBins) => {
        const values = Float32Array.from(list);
        const edges = quantileBinEdges(values, maxBins);
        expect(edges.length).toBeLessThan(maxBins);
        for (let b = 1; b < edges.length; b++) expect(edges[b]).toBeGreaterThan(edges[b - 1]);
        for (const v of values) for (let b = 0; b < edges.length; b++) expect(binOf(edges, v) <= b).toBe(v <= edges[b]);
      }),
    );
  });

  it("refuses more than 256 bins (bins are stored in bytes)", () => {
    expect(() => quantileBinEdges(new Float32Array(4), 257)).toThrow(RangeError);
  });
});

describe("binMatrix", () => {
  it("bins each column with its own edges, stored column by column", () => {
    const binned = binMatrix(matrixFromRows([[0, 10], [1, 10], [2, 30]]), 255);
    expect(binned.edges.map((e) => [...e])).toEqual([[0.5, 1.5], [20]]);
    expect([...binned.bins]).toEqual([0, 1, 2, 0, 0, 1]);
  });
});
