import { describe, expect, it } from "vitest";
import { goldenAvailable, goldenCases, goldenSignal, loadGoldenCase } from "../../scripts/golden-features";
import { AudioError } from "./errors";
import { resample } from "./resample";
import { arraySource } from "./sample-source";
import { trimSilence, trimSilenceSource } from "./trim";

/** Zeros, then `length` samples of the constant `level`, then zeros. */
function block(before: number, length: number, after: number, level: number): Float32Array {
  const y = new Float32Array(before + length + after);
  y.fill(level, before, before + length);
  return y;
}

describe("trimSilence (librosa effects.trim, top_db 60, frame 2048, hop 512)", () => {
  it("keeps the frames that overlap the sound, by hand", () => {
    // Sound in [10000, 18000). Frame t covers [512 t - 1024, 512 t + 1024): the first to touch it is t = 18
    // (9216 + 1024 > 10000), the last t = 37 (18944 - 1024 < 18000); any overlap is far above -60 dB.
    expect(trimSilence(block(10000, 8000, 10000, 0.5))).toEqual({ start: 18 * 512, end: 38 * 512 });
  });

  it("clips the end to the signal length", () => {
    expect(trimSilence(block(0, 5000, 0, 0.5))).toEqual({ start: 0, end: 5000 });
  });

  it("keeps a quieter part above -60 dB relative to the loudest frame and cuts one below", () => {
    for (const [relativeDb, kept] of [
      [-50, true],
      [-70, false],
    ] as const) {
      const y = new Float32Array(40960);
      y.fill(0.5 * 10 ** (relativeDb / 20), 0, 20480);
      y.fill(0.5, 20480);
      // With the quiet part cut, the first sound frame is t = 39 (19968 + 1024 > 20480).
      expect(trimSilence(y).start).toBe(kept ? 0 : 39 * 512);
    }
  });

  it("honours its parameters", () => {
    // Frame t covers [256 t - 512, 256 t + 512): first sound frame t = 38, last t = 72.
    const y = block(10000, 8000, 10000, 0.5);
    const params = { topDb: 60, frameLength: 1024, hopLength: 256 };
    expect(trimSilence(y, params)).toEqual({ start: 38 * 256, end: 73 * 256 });
  });

  it("throws silent_audio for an all-zero signal (librosa would keep it all: deliberate difference)", () => {
    const silent = () => trimSilence(new Float32Array(16000));
    expect(silent).toThrow(AudioError);
    expect(silent).toThrow(expect.objectContaining({ code: "silent_audio" }));
  });

  it("throws silent_audio when even the loudest frame is at or below -100 dBFS RMS", () => {
    expect(() => trimSilence(block(1000, 8000, 1000, 1e-6))).toThrow(expect.objectContaining({ code: "silent_audio" }));
    expect(trimSilence(block(1000, 8000, 1000, 1e-4))).toEqual({ start: 0, end: 10000 });
  });
});

describe.skipIf(!goldenAvailable)("trimSilence on the golden syn_tone1k_gaps (0.3 s silence, 1 s tone, 0.3 s)", () => {
  it("cuts to the frames around the tone, as librosa's algorithm does", () => {
    const entry = goldenCases().find((c) => c.name === "syn_tone1k_gaps");
    if (entry === undefined) throw new Error("syn_tone1k_gaps missing from index.json");
    // Tone in [4800, 20800) (digital zeros around it). Frame 8 covers [3072, 5120) and is the first to touch it;
    // frame 42 covers [20480, 22528) and is the last, so librosa returns [8 * 512, 43 * 512).
    expect(trimSilence(goldenSignal(entry))).toEqual({ start: 4096, end: 22016 });
  });
});

describe.skipIf(!goldenAvailable)("trimSilence against librosa's own frame RMS on every golden case", () => {
  it.each(goldenCases())("$name", (entry) => {
    // librosa's trim from the rms librosa computed (default config = trim's frame 2048 / hop 512):
    // amplitude_to_db(rms, ref=max, amin=1e-5) > -60.
    const librosaRms = loadGoldenCase(entry).features.default.rms as number[];
    const refDb = 20 * Math.log10(Math.max(1e-5, Math.max(...librosaRms)));
    const sound = librosaRms.flatMap((value, t) => (20 * Math.log10(Math.max(1e-5, value)) - refDb > -60 ? [t] : []));
    const signal = goldenSignal(entry);
    const expected = { start: sound[0] * 512, end: Math.min(signal.length, (sound[sound.length - 1] + 1) * 512) };
    expect(trimSilence(signal)).toEqual(expected);
  });
});

describe("trimSilenceSource (the same decision at the input's own rate, read block by block)", () => {
  let seed = 7;
  const noise = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 0.4;
  /** Silence, noise from `from` to `to` seconds, silence, `seconds` long in all. */
  const burst = (rate: number, seconds: number, from: number, to: number) =>
    Float32Array.from({ length: seconds * rate }, (_, i) => (i >= from * rate && i < to * rate ? noise() : 0));

  it("at 16 kHz is trimSilence", () => {
    for (const y of [block(10000, 8000, 10000, 0.5), block(0, 5000, 0, 0.5), burst(16000, 7, 1.3, 5.2)]) {
      expect(trimSilenceSource(arraySource(y), 16000)).toEqual(trimSilence(y));
    }
  });

  it("at other rates finds the sound trimSilence finds at 16 kHz, within a frame", () => {
    for (const rate of [4000, 8000, 44100, 96000]) {
      const y = burst(rate, 9, 2.1, 6.4);
      const own = trimSilenceSource(arraySource(y), rate);
      const at16k = trimSilence(resample(y, rate, 16000));
      expect(Math.abs(own.start / rate - at16k.start / 16000)).toBeLessThan(2048 / 16000);
      expect(Math.abs(own.end / rate - at16k.end / 16000)).toBeLessThan(2048 / 16000);
    }
  });

  it("calls an all-zero source silent", () => {
    expect(() => trimSilenceSource(arraySource(new Float32Array(48000)), 8000)).toThrow(AudioError);
  });
});
