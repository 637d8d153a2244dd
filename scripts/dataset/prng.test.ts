import { describe, expect, it } from "vitest";
import { hashString, mulberry32, pick, shuffleFromEnd, stageSeed, uniform, uniformInt } from "./prng";

describe("mulberry32", () => {
  it("gives the reference sequence for seed 1234", () => {
    // Reference values computed by the well-known JavaScript mulberry32 (t += 0x6D2B79F5 ...).
    const r = mulberry32(1234);
    const first = [r(), r(), r()].map((x) => Math.round(x * 4294967296));
    expect(first).toEqual(referenceMulberry(1234, 3));
  });
  it("stays in [0, 1)", () => {
    const r = mulberry32(7);
    for (let i = 0; i < 10000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe("shuffleFromEnd", () => {
  it("swaps from the last index down with j = floor(r * (i + 1))", () => {
    const draws = [0.99, 0.0, 0.5];
    let k = 0;
    const out = shuffleFromEnd(["a", "b", "c", "d"], () => draws[k++]);
    // i=3: j=3 (no move); i=2: j=0 -> c b a d; i=1: j=1 -> c b a d
    expect(out).toEqual(["c", "b", "a", "d"]);
  });
  it("is a permutation and does not touch its input", () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffleFromEnd(input, mulberry32(42));
    expect(out.slice().sort((a, b) => a - b)).toEqual(input);
    expect(out).not.toEqual(input);
    expect(input[0]).toBe(0);
  });
  it("is deterministic for a seed", () => {
    const input = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffleFromEnd(input, mulberry32(5))).toEqual(shuffleFromEnd(input, mulberry32(5)));
    expect(shuffleFromEnd(input, mulberry32(5))).not.toEqual(shuffleFromEnd(input, mulberry32(6)));
  });
});

describe("helpers", () => {
  it("uniform and uniformInt stay in range", () => {
    const r = mulberry32(3);
    for (let i = 0; i < 1000; i++) {
      const u = uniform(r, 0.85, 1.2);
      expect(u).toBeGreaterThanOrEqual(0.85);
      expect(u).toBeLessThan(1.2);
      const n = uniformInt(r, 25, 75);
      expect(Number.isInteger(n) && n >= 25 && n <= 75).toBe(true);
    }
  });
  it("pick throws on empty lists", () => {
    expect(() => pick([], mulberry32(1))).toThrow();
  });
  it("stageSeed keeps documented seeds at run seed 0 and moves them otherwise", () => {
    expect(stageSeed(1234, 0)).toBe(1234);
    expect(stageSeed(1234, 1)).not.toBe(1234);
    expect(stageSeed(1234, 1)).not.toBe(stageSeed(42, 1));
  });
  it("hashString is FNV-1a", () => {
    expect(hashString("")).toBe(0x811c9dc5);
    expect(hashString("a")).toBe(0xe40c292c);
  });
});

/** Independent BigInt implementation of the same generator, used as the reference. */
function referenceMulberry(seed: number, n: number): number[] {
  const M = 2n ** 32n;
  const mul = (a: bigint, b: bigint) => (a * b) % M;
  let state = BigInt(seed);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    state = (state + 0x6d2b79f5n) % M;
    let t = state;
    t = mul(t ^ (t >> 15n), t | 1n);
    t = (t ^ ((t + mul(t ^ (t >> 7n), t | 61n)) % M)) % M;
    out.push(Number(t ^ (t >> 14n)));
  }
  return out;
}
