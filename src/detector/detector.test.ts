import { describe, expect, it } from "vitest";
import { AudioError } from "../audio/errors";
import { buildWav } from "../audio/testing/wav-builder";
import { createDetector } from "./detector";
import { SUMMARY_NAMES } from "./summary";
import { noiseIsFakeModel } from "./testing/noise-is-fake";

const { bytes: modelBytes, card } = noiseIsFakeModel("test-forest");
const detector = createDetector(modelBytes, card);
const options = { segmentSeconds: 2, segments: true, maxAnalyzedSeconds: 600 };

function pcm16(samples: (i: number) => number, n: number, sampleRate = 16000, channels = 1): Uint8Array {
  const channel = Array.from({ length: n }, (_, i) => Math.round(samples(i) * 32767));
  return buildWav({ sampleRate, encoding: "pcm", bitDepth: 16, channels: Array.from({ length: channels }, () => channel) });
}
let seed = 1;
const noise = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 0.5;
const tone = (rate: number) => (i: number) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate);

describe("createDetector", () => {
  it("refuses a card whose features are not the ones this code computes", () => {
    const stale = { ...card, features: { ...card.features, names: SUMMARY_NAMES.slice(1) } };
    expect(() => createDetector(modelBytes, stale)).toThrow(/other features/);
  });

  it("refuses a card trained on another analysis grid, naming what differs", () => {
    const extraction = { ...card.features.extraction, hop_length: card.features.extraction.hop_length + 40 };
    const stale = { ...card, features: { ...card.features, extraction } };
    expect(() => createDetector(modelBytes, stale)).toThrow(/another analysis grid: hop_length \d+ \(this code: \d+\)/);
    // A model calibrated on whole-clip vectors, or on other tiles, would mis-read the mean of these tiles.
    const otherTiles = { ...card.features.extraction, clip_tile_seconds: 2 };
    expect(() => createDetector(modelBytes, { ...card, features: { ...card.features, extraction: otherTiles } })).toThrow(/clip_tile_seconds 2 \(this code: 1\)/);
    const { extraction: _, ...withoutGrid } = card.features;
    expect(() => createDetector(modelBytes, { ...card, features: withoutGrid } as typeof card)).toThrow(/analysis grid/);
  });
});

describe("analyze", () => {
  it("scores noise as fake and a tone as real with this forest, and describes the input", () => {
    const fake = detector.analyze(pcm16(noise, 48000), options);
    expect(fake.verdict).toBe("fake");
    expect(fake.probability_fake).toBeCloseTo(0.9, 6);
    expect(fake.input).toEqual({ sample_rate: 16000, channels: 1, bit_depth: 16, format: "pcm" });
    expect(fake.model).toEqual({ name: "test-forest", version: "0", sha256: "0".repeat(64) });
    const real = detector.analyze(pcm16(tone(44100), 44100 * 3, 44100, 2), options);
    expect(real.verdict).toBe("real");
    expect(real.input).toEqual({ sample_rate: 44100, channels: 2, bit_depth: 16, format: "pcm" });
    expect(real.duration_s).toBeCloseTo(3, 3);
    // The stages add up to the total: nothing is counted twice.
    const { decode, features, model, total } = real.timing_ms;
    expect(Math.abs(total - (decode + features + model))).toBeLessThanOrEqual(0.03);
    expect(decode).toBeLessThan(total);
  });

  it("gives a clip the calibrated mean of its 1 s tiles' raw scores, not one score of the whole clip", () => {
    // 2 s of a tone (0.1 with this forest) then 2 s of noise (0.9): two tiles of each.
    const half = 2 * 16000;
    const a = detector.analyze(pcm16((i) => (i < half ? tone(16000)(i) : noise()), 2 * half), options);
    expect(a.probability_fake).toBeCloseTo(0.5, 6);
    expect(a.verdict).toBe("uncertain");
    expect(a.segments.map((s) => s.probability_fake)).toEqual([expect.closeTo(0.1, 6), expect.closeTo(0.9, 6)]);
  });

  it("trims leading and trailing silence and times segments in the input's seconds", () => {
    // 1 s silence, 4.5 s noise, 0.5 s silence: segments 1-3 s and 3-5.5 s (the 0.5 s tail joins the last one).
    const n = 6 * 16000;
    const a = detector.analyze(pcm16((i) => (i >= 16000 && i < 5.5 * 16000 ? noise() : 0), n), options);
    expect(a.trimmed_s).toBeGreaterThan(1.3);
    expect(a.analyzed_s).toBeGreaterThan(4.4);
    expect(a.analyzed_s).toBeLessThan(4.7);
    expect(a.segments.length).toBe(2);
    expect(a.segments[0].start_s).toBeGreaterThan(0.9);
    expect(a.segments[0].start_s).toBeLessThan(1.05);
    expect(a.segments[1].end_s).toBeCloseTo(a.segments[0].start_s + a.analyzed_s, 2);
    for (const s of a.segments) expect(s.probability_fake).toBeCloseTo(0.9, 6);
    expect(detector.analyze(pcm16(noise, n), { ...options, segments: false }).segments).toEqual([]);
  });

  it("covers at most maxAnalyzedSeconds while reporting the whole duration", () => {
    const a = detector.analyze(pcm16(noise, 10 * 16000), { ...options, maxAnalyzedSeconds: 3 });
    expect(a.duration_s).toBe(10);
    expect(a.analyzed_s).toBeLessThanOrEqual(3);
    expect(a.segments.map((s) => [s.start_s, s.end_s])).toEqual([[0, 2], [2, 3]]);
  });

  it("judges a long recording on excerpts spread over it, with segments inside them", () => {
    // 2 s of silence, 60 s of noise, 3 s of silence, at 8 kHz.
    const rate = 8000;
    const a = detector.analyze(pcm16((i) => (i >= 2 * rate && i < 62 * rate ? noise() : 0), 65 * rate, rate), options);
    expect(a.duration_s).toBe(65);
    expect(a.excerpts).toHaveLength(5);
    expect(a.excerpts[0].start_s).toBeCloseTo(2, 0);
    expect(a.excerpts[4].end_s).toBeCloseTo(62, 0);
    for (const e of a.excerpts) expect(e.end_s - e.start_s).toBeCloseTo(4, 3);
    expect(a.analyzed_s).toBe(20);
    expect(a.trimmed_s).toBeCloseTo(5, 0);
    expect(a.segments).toHaveLength(10);
    for (const s of a.segments) {
      expect(a.excerpts.some((e) => e.start_s <= s.start_s && s.end_s <= e.end_s)).toBe(true);
      expect(s.probability_fake).toBeCloseTo(0.9, 6);
    }
    expect(a.verdict).toBe("fake");
  });

  it("still reads every sample of a long recording: a NaN between the excerpts is refused", () => {
    const channel = Array.from({ length: 40 * 16000 }, (_, i) => (i === 11 * 16000 ? Number.NaN : noise()));
    const bytes = buildWav({ sampleRate: 16000, encoding: "float", bitDepth: 32, channels: [channel] });
    expect(() => detector.analyze(bytes, options)).toThrow(AudioError);
  });

  it("gives the same answer for audio decoded elsewhere as for the WAV file", () => {
    for (const seconds of [3, 45]) {
      const channel = Array.from({ length: seconds * 22050 }, () => Math.round(noise() * 32767));
      const bytes = buildWav({ sampleRate: 22050, encoding: "pcm", bitDepth: 16, channels: [channel] });
      const samples = Float32Array.from(channel, (v) => v / 32768);
      const input = { sample_rate: 22050, channels: 1, bit_depth: 16, format: "pcm" };
      const decoded = detector.analyzeDecoded({ samples, sampleRate: 22050, durationS: seconds, input }, options);
      const fromWav = detector.analyze(bytes, options);
      expect({ ...decoded, timing_ms: undefined }).toEqual({ ...fromWav, timing_ms: undefined });
    }
  });

  it("answers silence and too little sound with their own error codes", () => {
    const code = (bytes: Uint8Array) => {
      try {
        detector.analyze(bytes, options);
      } catch (e) {
        return e instanceof AudioError ? e.code : String(e);
      }
      return "no error";
    };
    expect(code(pcm16(() => 0, 32000))).toBe("silent_audio");
    expect(code(pcm16((i) => (i < 4000 ? noise() : 0), 32000))).toBe("too_short");
    expect(code(new Uint8Array([1, 2, 3]))).toBe("not_wav");
  });
});
