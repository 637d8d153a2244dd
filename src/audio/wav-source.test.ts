import { describe, expect, it } from "vitest";
import { isAudioError } from "./errors";
import { resample, resampleSource } from "./resample";
import { buildWav, type WavSpec } from "./testing/wav-builder";
import { decodeWav, openWav } from "./wav";
import { scratchSpan } from "./zero-padded";

/** Noisy tones (so every sample differs) of n frames per channel, as full-scale codes for `bitDepth`. */
function channels(n: number, count: number, bitDepth: number, encoding: WavSpec["encoding"]): number[][] {
  const full = encoding === "float" ? 1 : 2 ** (bitDepth - 1) - 1;
  return Array.from({ length: count }, (_, c) =>
    Array.from({ length: n }, (_, i) => {
      const v = 0.6 * Math.sin(0.01 * (c + 1) * i) + 0.3 * Math.sin(1.3 * i) + (((i * 7919 + c) % 101) - 50) / 400;
      return encoding === "float" ? v : Math.round(v * full);
    }),
  );
}

const wav = (sampleRate: number, n: number, count = 1, bitDepth = 16, encoding: WavSpec["encoding"] = "pcm") =>
  buildWav({ sampleRate, encoding, bitDepth, channels: channels(n, count, bitDepth, encoding) });

describe("openWav: the samples of decodeWav, converted window by window", () => {
  it.each([
    [16000, 1, 16, "pcm"],
    [44100, 2, 16, "pcm"],
    [48000, 2, 24, "pcm"],
    [22050, 1, 8, "pcm"],
    [8000, 3, 32, "float"],
  ] as const)("%i Hz, %i channels, %i-bit %s: any window equals decodeWav's samples, zeros outside", (rate, count, bits, encoding) => {
    const bytes = wav(rate, 70001, count, bits, encoding);
    const whole = decodeWav(bytes).samples;
    const { source } = openWav(bytes);
    expect(source.length).toBe(whole.length);
    const span = scratchSpan(70100);
    for (const [start, n] of [
      [-50, 100],
      [0, 1],
      [65530, 20],
      [69990, 40],
      [-10, 70100],
      [80000, 5],
    ]) {
      span.fill(7);
      source.read(start, n, span);
      for (let k = 0; k < n; k++) {
        const expected = whole[start + k] ?? 0;
        if (span[k] !== expected) expect(`${start + k}: ${span[k]}`).toBe(`${start + k}: ${expected}`);
      }
    }
  });

  it("keeps decodeWav's cap: maxSeconds bounds the source", () => {
    expect(openWav(wav(8000, 20000), { maxSeconds: 1 }).source.length).toBe(8000);
  });

  it("refuses NaN in float data with the decoder's error when the window holding it is read", () => {
    const bytes = buildWav({ sampleRate: 16000, encoding: "float", bitDepth: 32, channels: [[0, 0.5, NaN, 0]] });
    const { source } = openWav(bytes);
    source.read(0, 2, scratchSpan(2));
    let error: unknown;
    try {
      resampleSource(source, 16000, 8000);
    } catch (e) {
      error = e;
    }
    expect(isAudioError(error) && error.code).toBe("non_finite_samples");
  });
});

describe("resampleSource over openWav: identical to resample over decodeWav", () => {
  // Every path of the resampler: no halving (8, 11.025, 22.05, 32 kHz), one (44.1, 48 kHz), several (96, 384 kHz),
  // interpolated phases (44.099 kHz), and lengths around the blocks of the stages (1024 outputs each).
  it.each([
    [8000, 12345],
    [11025, 30000],
    [22050, 44100],
    [32000, 4097],
    [44100, 88200],
    [48000, 2049],
    [96000, 100003],
    [384000, 200000],
    [44099, 50000],
    [44100, 1],
    [44100, 3],
  ])("%i Hz, %i frames", (rate, n) => {
    for (const count of [1, 2]) {
      const bytes = wav(rate, n, count);
      const batch = resample(decodeWav(bytes).samples, rate, 16000);
      const wav_ = openWav(bytes);
      const streamed = resampleSource(wav_.source, wav_.sampleRate, 16000);
      expect(streamed.length).toBe(batch.length);
      const first = streamed.findIndex((v, i) => v !== batch[i]);
      expect(first, `first difference at ${first}`).toBe(-1);
    }
  });

  it("returns the samples themselves at the target rate", () => {
    const bytes = wav(16000, 5000);
    expect(resampleSource(openWav(bytes).source, 16000, 16000)).toEqual(decodeWav(bytes).samples);
  });
});
