/**
 * Parity with librosa 0.11 on every case of ../shared/golden (skipped when the folder is absent): frame counts
 * and shapes exact, every element within the README's recommended tolerance. Deliberate differences, which the
 * tolerances cover: we compute in float64 where librosa uses float32 (STFT stored as complex64, float32 mel
 * basis, sums and logs), because float64 is what the README's bounds were derived for and it costs nothing
 * extra in JavaScript; and all-zero frames give a flatness of exactly 1 (librosa's float32 gives 1.000001).
 */
import { afterAll, describe, expect, it } from "vitest";
import {
  GOLDEN_CONFIGS,
  SAMPLE_RATE,
  compareCase,
  goldenAvailable,
  goldenCases,
  goldenSignal,
  loadGoldenCase,
} from "../../scripts/golden-features";

const largestRatio = new Map<string, number>();

describe.skipIf(!goldenAvailable)("librosa 0.11 parity on ../shared/golden", () => {
  afterAll(() => {
    const table = [...largestRatio].map(([key, ratio]) => `${key.padEnd(45)} ${ratio.toPrecision(3)}`);
    console.log(`largest |ours - librosa| / (atol + rtol |librosa|) per config/feature:\n${table.join("\n")}`);
  });

  describe.each(goldenCases())("$name", (entry) => {
    const golden = loadGoldenCase(entry);
    const signal = goldenSignal(entry);

    it.runIf(entry.sample_rate === SAMPLE_RATE)("decodes the input bit-exactly as librosa loaded it", () => {
      expect(signal.length).toBe(golden.loaded.length);
      expect(Array.from(signal.subarray(0, 16))).toEqual(golden.loaded.first16.map(Math.fround));
      expect(Math.min(...signal)).toBe(Math.fround(golden.loaded.min));
      expect(Math.max(...signal)).toBe(Math.fround(golden.loaded.max));
    });

    it.each(GOLDEN_CONFIGS)("$name config: frame counts, shapes and values within tolerance", (config) => {
      expect(signal.length).toBe(entry.loaded_length);
      const reference = golden.features[config.name];
      const nFrames = config.name === "default" ? entry.frames_default : entry.frames_speech;
      expect(reference.n_frames).toBe(nFrames);
      expect(reference.stft_magnitude_shape).toEqual([config.nFft / 2 + 1, nFrames]);
      for (const result of compareCase(golden, signal, config)) {
        const key = `${config.name}/${result.feature}`;
        largestRatio.set(key, Math.max(largestRatio.get(key) ?? 0, result.ratio));
        expect(result.shapeMatches, `${result.feature} shape`).toBe(true);
        expect(result.ratio, `${result.feature}: worst element ${result.worst}`).toBeLessThan(1);
        // README: a float64 rolloff may sit one bin from librosa's float32 one in at most 1% of frames.
        expect(result.oneBinFlips, `${result.feature} one-bin flips`).toBeLessThanOrEqual(0.01 * nFrames);
      }
    });
  });
});
