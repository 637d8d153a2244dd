import { describe, expect, it } from "vitest";
import {
  compareFeature,
  goldenAvailable,
  goldenCases,
  goldenSignal,
  loadGoldenCase,
  rowOf,
} from "../../scripts/golden-features";
import { SEED_FEATURE_NAMES, SEED_LENGTH, seedFeatures } from "./seed";

describe("seedFeatures", () => {
  it("gives 46 finite values, the same for a signal and its scaled copy (peak normalisation)", () => {
    const signal = Float32Array.from({ length: 20000 }, (_, i) => 0.3 * Math.sin(i * 0.05) + 0.1 * Math.sin(i * 0.71));
    const scaled = signal.map((v) => 0.25 * v);
    const a = seedFeatures(signal);
    const b = seedFeatures(scaled);
    expect(a).toHaveLength(SEED_FEATURE_NAMES.length);
    expect(a.every(Number.isFinite)).toBe(true);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 9);
  });

  it("looks only at the first 2 s", () => {
    const signal = Float32Array.from({ length: SEED_LENGTH + 5000 }, (_, i) => Math.sin(i * 0.1));
    const longer = signal.slice();
    longer.fill(0.9, SEED_LENGTH);
    expect(seedFeatures(longer)).toEqual(seedFeatures(signal));
  });

  it("treats an all-zero signal as zeros, not NaN (no peak normalisation)", () => {
    const features = seedFeatures(new Float32Array(100));
    expect(features.every(Number.isFinite)).toBe(true);
    expect(features[SEED_FEATURE_NAMES.indexOf("rms_mean")]).toBe(0);
  });
});

describe.skipIf(!goldenAvailable)("seedFeatures against the golden seed vectors", () => {
  it.each(goldenCases())("$name", (entry) => {
    const golden = loadGoldenCase(entry);
    expect(SEED_FEATURE_NAMES).toEqual(golden.seed.names);
    const ours = rowOf(seedFeatures(goldenSignal(entry)));
    // Both references: the recipe in float64 (which we follow) and librosa's float32 run.
    for (const reference of [golden.seed.values_float64_pipeline, golden.seed.values]) {
      const { ratio, worst } = compareFeature("seed", ours, rowOf(Float64Array.from(reference)));
      expect(ratio, SEED_FEATURE_NAMES[worst]).toBeLessThan(1);
    }
  });
});
