import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { argsort, sortPairs } from "./sort-pairs";

const float32s = fc.array(fc.float({ noNaN: true, min: -1000, max: 1000 }), { maxLength: 300 });

describe("sortPairs", () => {
  it("sorts keys ascending and keeps each item with its key", () => {
    fc.assert(
      fc.property(float32s, fc.boolean(), (list, fewDistinct) => {
        const keys = Float32Array.from(list, (v) => (fewDistinct ? Math.round(v / 400) : v));
        const original = keys.slice();
        const items = Int32Array.from(keys, (_, i) => i);
        sortPairs(keys, items);
        for (let i = 1; i < keys.length; i++) expect(keys[i - 1] <= keys[i]).toBe(true);
        for (let i = 0; i < keys.length; i++) expect(original[items[i]]).toBe(keys[i]);
        expect([...items].sort((a, b) => a - b)).toEqual(Array.from(items, (_, i) => i));
      }),
    );
  });

  it("sorts only the requested range", () => {
    const keys = Float32Array.of(9, 3, 2, 1, 0);
    sortPairs(keys, new Int32Array(5), 1, 4);
    expect([...keys]).toEqual([9, 1, 2, 3, 0]);
  });
});

describe("argsort", () => {
  it("orders indices by value and leaves the values alone", () => {
    const values = Float32Array.of(0.5, -2, 3, 0);
    expect([...argsort(values)]).toEqual([1, 3, 0, 2]);
    expect([...values]).toEqual([0.5, -2, 3, 0]);
  });
});
