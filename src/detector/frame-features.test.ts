import { describe, expect, it } from "vitest";
import { powerSpectrogram } from "../features/stft";
import { ANALYSIS, FRAME_COLUMNS, frameFeatures } from "./frame-features";

const column = (name: string) => FRAME_COLUMNS.indexOf(name);

function noise(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

describe("frameFeatures", () => {
  it("has one row per centred frame and one value per column", () => {
    const f = frameFeatures(new Float32Array(16000).fill(0.1));
    const centred = 1 + Math.floor(16000 / ANALYSIS.hopLength); // librosa's center=True frame count
    expect(f.nFrames).toBe(centred);
    expect(f.nColumns).toBe(FRAME_COLUMNS.length);
    expect(f.data.length).toBe(centred * FRAME_COLUMNS.length);
  });

  it("puts a 1 kHz tone's energy in the 500-1000 Hz band and its centroid at 1 kHz", () => {
    const tone = Float32Array.from({ length: 8000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 16000));
    const f = frameFeatures(tone);
    const t = 25; // a frame well inside the signal
    const row = f.data.subarray(t * f.nColumns, (t + 1) * f.nColumns);
    // Bin 32 (1000 Hz) is the last bin of band 1 (bins 17..32); the Hann main lobe leaks half into band 2.
    expect(row[column("band_rel_db1")]).toBeGreaterThan(-4);
    expect(row[column("band_rel_db6")]).toBeLessThan(-60);
    expect(row[column("centroid_hz")]).toBeCloseTo(1000, -1);
  });

  it("gives white noise the flatness of exponentially distributed power, exp(-Euler's gamma), in every band", () => {
    const f = frameFeatures(noise(160000, 7));
    for (let b = 0; b < 4; b++) {
      let sum = 0;
      for (let t = 10; t < f.nFrames - 10; t++) sum += f.data[t * f.nColumns + column(`flatness_band${b}`)];
      expect(sum / (f.nFrames - 20)).toBeCloseTo(Math.exp(-0.5772156649), 1);
    }
  });

  it("computes every block's frames from the right samples (log energy equals the whole STFT's)", () => {
    const signal = noise(16000 * 7, 3); // hundreds of frames: many blocks of 16
    const f = frameFeatures(signal);
    const power = powerSpectrogram(signal, ANALYSIS);
    expect(f.nFrames).toBe(power.nFrames);
    for (const t of [0, 15, 16, 17, 255, 256, f.nFrames - 1]) {
      let total = 0;
      for (let k = 0; k < power.nRows; k++) total += power.data[t * power.nRows + k];
      expect(f.data[t * f.nColumns + column("log_energy")]).toBeCloseTo(10 * Math.log10(total), 3);
    }
  });
});
