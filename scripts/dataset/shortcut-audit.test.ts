import { describe, expect, it } from "vitest";
import { auditClips, bestThresholdBalancedAccuracy, crestFactorDb, exactZeroFraction, highLowEnergyRatioDb, median } from "./shortcut-audit";

describe("cues", () => {
  it("counts exact zeros", () => {
    expect(exactZeroFraction(Float32Array.of(0, 0.1, 0, -0.2))).toBe(0.5);
  });
  it("measures crest factor: a sine is 3.01 dB", () => {
    const sine = Float32Array.from({ length: 16000 }, (_, i) => Math.sin((2 * Math.PI * 100 * i) / 16000));
    expect(crestFactorDb(sine)).toBeCloseTo(3.01, 1);
  });
  it("puts a 6 kHz tone above and a 1 kHz tone below the 4 kHz split", () => {
    const tone = (hz: number) => Float32Array.from({ length: 16000 }, (_, i) => Math.sin((2 * Math.PI * hz * i) / 16000));
    expect(highLowEnergyRatioDb(tone(6000), 16000)).toBeGreaterThan(20);
    expect(highLowEnergyRatioDb(tone(1000), 16000)).toBeLessThan(-20);
  });
  it("takes medians", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe("bestThresholdBalancedAccuracy", () => {
  it("is 1 for a separating cue in either direction and 0.5 for a useless one", () => {
    expect(bestThresholdBalancedAccuracy([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(bestThresholdBalancedAccuracy([1, 2, 3, 4], [true, true, false, false])).toBe(1);
    expect(bestThresholdBalancedAccuracy([1, 1, 1, 1], [true, false, true, false])).toBe(0.5);
  });
  it("balances unequal classes", () => {
    // threshold above 0.5: 3 of 4 fakes above, the real below -> (0.75 + 1) / 2
    expect(bestThresholdBalancedAccuracy([0, 0.5, 2, 3, 4], [true, false, true, true, true])).toBe(0.875);
  });
  it("audits clips per cue", () => {
    const silentFake = { samples: Float32Array.of(0, 0, 0.5, -0.5), sampleRate: 4, fake: true };
    const noisyReal = { samples: Float32Array.of(0.1, -0.1, 0.5, -0.5), sampleRate: 4, fake: false };
    const zero = auditClips([silentFake, noisyReal]).find((r) => r.cue === "exact-zero fraction")!;
    expect(zero).toMatchObject({ medianReal: 0, medianFake: 0.5, balancedAccuracy: 1 });
  });
});
