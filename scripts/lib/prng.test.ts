import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulberry32, randomInt, randomNormal, randomSeed, sampleWithoutReplacement, shuffle } from "./prng";

describe("mulberry32", () => {
  it("gives the reference sequence (checked against an independent big-integer implementation)", () => {
    const random = mulberry32(1);
    expect([random(), random(), random()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const other = mulberry32(0xdeadbeef);
    expect(other()).toBe(0.9413696140982211);
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const random = mulberry32(7);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const u = random();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]++;
    }
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe("draws", () => {
  it("randomInt and randomSeed stay in range", () => {
    const random = mulberry32(3);
    for (let i = 0; i < 1000; i++) {
      const k = randomInt(random, 7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      const seed = randomSeed(random);
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    }
  });

  it("randomNormal has mean 0 and variance 1", () => {
    const random = mulberry32(11);
    const n = 50_000;
    const draws = Array.from({ length: n }, () => randomNormal(random));
    const mean = draws.reduce((a, b) => a + b, 0) / n;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });
});

describe("shuffle", () => {
  it("permutes in place, deterministically from the seed", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const shuffled = shuffle(mulberry32(seed), items.slice());
        expect(shuffled.slice().sort()).toEqual(items.slice().sort());
        expect(shuffle(mulberry32(seed), items.slice())).toEqual(shuffled);
      }),
    );
  });

  it("makes every permutation of three items about equally often", () => {
    const random = mulberry32(5);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = shuffle(random, Int8Array.of(1, 2, 3)).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});

describe("sampleWithoutReplacement", () => {
  it("draws k distinct values below n", () => {
    const sample = sampleWithoutReplacement(mulberry32(2), 50, 20);
    expect(sample.length).toBe(20);
    expect(new Set(sample).size).toBe(20);
    for (const v of sample) expect(v >= 0 && v < 50).toBe(true);
    expect(() => sampleWithoutReplacement(mulberry32(2), 3, 4)).toThrow(RangeError);
  });
});
