import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decimateByTwo, halfband } from "./halfband";
import { resample, resampledLength, resampleSource } from "./resample";
import { arraySource } from "./sample-source";
import { db, levelDb, tone, toneAmplitude } from "./testing/tones";
import { PASS_EDGE, phaseTable, STOP_EDGE } from "./resample-filter";
import { decodeWav } from "./wav";

/** Stated figures (resample-filter.ts); measured worst cases are in the comments. */
const PASS_RIPPLE_DB = 0.015; // measured 0.0103 dB
const STOP_BAND_DB = 59; // measured 59.4 dB worst over an 8.6 kHz..Nyquist sweep at 32 kHz, 59.9 at 48 kHz
const IMAGE_REJECTION_DB = 55; // measured 55.8 dB (8 kHz -> 16 kHz)

describe("resample: length, identity, arguments", () => {
  it.each([
    [88200, 44100, 32000],
    [88037, 44100, 31941],
    [95999, 48000, 32000],
    [16000, 8000, 32000],
    [44100, 22050, 32000],
    [1, 44100, 1],
    [3, 8000, 6],
    [0, 48000, 0],
    [10007, 44099, 3631],
  ])("%i samples at %i Hz give ceil(n * 16000 / rate) = %i samples", (n, rate, expected) => {
    expect(resample(new Float32Array(n), rate, 16000).length).toBe(expected);
  });

  it("returns the input itself when the rates are equal", () => {
    const x = tone(16000, 440, 0.1);
    expect(resample(x, 16000, 16000)).toBe(x);
  });

  it.each([
    [0, 16000],
    [44100, -1],
    [44100.5, 16000],
    [NaN, 16000],
  ])("rejects rates %f -> %f", (from, to) => {
    expect(() => resample(new Float32Array(10), from, to)).toThrow(RangeError);
  });

  it("passes DC exactly at every phase (each phase row sums to 1)", () => {
    for (const rate of [8000, 11025, 22050, 44100, 48000, 44099]) {
      const y = resample(new Float32Array(rate).fill(0.25), rate, 16000);
      const middle = y.subarray(100, y.length - 100);
      expect(middle.every((v) => Math.abs(v - 0.25) < 1e-6)).toBe(true);
    }
  });
});

describe("resample: the polyphase sum at every output, across block edges", () => {
  /** Output i by the definition: phase row (i down) mod up (interpolated between rows when the table has fewer). */
  function reference(x: Float32Array, rate: number, up: number, down: number, phases: number): Float32Array {
    const table = phaseTable(rate, 16000, phases, phases === up ? phases : phases + 1);
    const { taps, coefficients } = table;
    const at = (j: number) => x[j] ?? 0;
    const dot = (base: number, row: number) => {
      let sum = 0;
      for (let k = 0; k < taps; k++) sum += coefficients[row * taps + k] * at(base + 1 - taps / 2 + k);
      return sum;
    };
    return Float32Array.from({ length: Math.ceil((x.length * up) / down) }, (_, i) => {
      const base = Math.floor((i * down) / up);
      const position = (((i * down) % up) / up) * phases;
      const row = Math.floor(position);
      return phases === up ? dot(base, row) : dot(base, row) + (position - row) * (dot(base, row + 1) - dot(base, row));
    });
  }
  const speechLike = (n: number) =>
    Float32Array.from({ length: n }, (_, i) => 0.4 * Math.sin(i * 0.05) * Math.sin(i * 7e-4) + ((i * 7919) % 17) / 200);

  it.each([
    ["22.05 kHz, exact phases", 22050, 320, 441, 320, 4000],
    ["8 kHz, upsampling", 8000, 2, 1, 2, 1500],
    ["44.099 kHz, interpolated phases", 44099, 16000, 44099, 256, 9001],
  ])("%s", (_, rate, up, down, phases, n) => {
    const x = speechLike(n);
    const y = resample(x, rate, 16000);
    const expected = reference(x, rate, up, down, phases);
    expect(y.length).toBe(expected.length);
    for (let i = 0; i < y.length; i++) expect(Math.abs(y[i] - expected[i]), `output ${i}`).toBeLessThan(2e-7);
  });

  it("44.1 kHz: a half-band decimation, then 22.05 kHz's exact phases", () => {
    const x = speechLike(7001);
    const halved = decimateByTwo(x, halfband(44100, (STOP_EDGE * 16000) / 2));
    const expected = reference(halved, 22050, 320, 441, 320);
    const y = resample(x, 44100, 16000);
    expect(y.length).toBe(Math.ceil((7001 * 16000) / 44100));
    for (let i = 0; i < y.length; i++) expect(Math.abs(y[i] - (expected[i] ?? 0)), `output ${i}`).toBeLessThan(2e-7);
  });
});

describe("resample: anti-aliasing quality", () => {
  const downRates = [22050, 24000, 32000, 44100, 48000, 96000, 44099];

  it.each(downRates)(`pass band: tones of 100 Hz..6.5 kHz at %i Hz keep their amplitude within ${PASS_RIPPLE_DB} dB`, (rate) => {
    for (let hz = 100; hz <= 6500; hz += 200) {
      const amplitude = toneAmplitude(resample(tone(rate, hz, 0.5), rate, 16000), 16000, hz);
      expect(Math.abs(db(amplitude / 0.5)), `${hz} Hz`).toBeLessThan(PASS_RIPPLE_DB);
    }
  });

  it.each([44100, 48000])(`stop band: 9, 10, 12, 15, 20 kHz tones at %i Hz are attenuated by ${STOP_BAND_DB} dB`, (rate) => {
    for (const hz of [9000, 10000, 12000, 15000, 20000]) {
      expect(levelDb(resample(tone(rate, hz, 0.5), rate, 16000), 0.5), `${hz} Hz`).toBeLessThan(-STOP_BAND_DB);
    }
  });

  it.each(downRates)(`stop band: a sweep from ${STOP_EDGE * 8} kHz to Nyquist at %i Hz stays below -${STOP_BAND_DB} dB`, (rate) => {
    for (let hz = STOP_EDGE * 8000; hz < rate / 2; hz += rate / 300) {
      expect(levelDb(resample(tone(rate, hz, 0.1), rate, 16000), 0.5), `${hz} Hz`).toBeLessThan(-STOP_BAND_DB);
    }
  });

  it.each([8000, 11025, 7999])(`upsampling from %i Hz: flat pass band, images rejected by ${IMAGE_REJECTION_DB} dB`, (rate) => {
    const nyquist = rate / 2;
    for (let hz = 100; hz <= PASS_EDGE * nyquist; hz += 150) {
      const y = resample(tone(rate, hz, 0.5), rate, 16000);
      expect(Math.abs(db(toneAmplitude(y, 16000, hz) / 0.5)), `${hz} Hz`).toBeLessThan(PASS_RIPPLE_DB);
      // The image of hz sits at rate - hz; it lies in the stop band when the tone is below (2 - STOP_EDGE) * nyquist.
      if (hz <= (2 - STOP_EDGE) * nyquist) {
        expect(db(toneAmplitude(y, 16000, rate - hz) / 0.5), `image of ${hz} Hz`).toBeLessThan(-IMAGE_REJECTION_DB);
      }
    }
  });

  it.each([44100, 48000, 8000, 44099, 7999])("a 1 kHz tone at %i Hz comes out on the ideal 16 kHz grid", (rate) => {
    // 44099 and 7999 Hz have 16000 phases and take the interpolated-table path; the others use exact phase rows.
    const y = resample(tone(rate, 1000, 0.2), rate, 16000);
    const ideal = tone(16000, 1000, 0.2);
    const worst = Math.max(...y.subarray(200, 3000).map((v, i) => Math.abs(v - ideal[200 + i])));
    expect(worst).toBeLessThan(1e-3);
  });
});

const goldenDir = new URL("../../../shared/golden/", import.meta.url);
const RESAMPLING_CASES = [
  "rs_chirp_44k1",
  "rs_chirp_48k",
  "rs_chirp_22k05",
  "rs_chirp_8k",
  "rs_speech_48k",
  "rs_speech_44k1",
  "rs_speech_22k05",
  "rs_speech_8k",
  "rs_speech_float32_24k",
  "rs_amfm_pcm24_48k",
  "rs_stereo_44k1",
];

interface Deviation {
  max: number;
  p99: number;
  rms: number;
}

/** |a - b| statistics leaving out `edge` samples at each end (the filters ring differently at a hard signal edge). */
function deviation(a: Float32Array, b: Float32Array, edge = 64): Deviation {
  const diffs = Float64Array.from({ length: a.length - 2 * edge }, (_, i) => Math.abs(a[edge + i] - b[edge + i]));
  const squares = diffs.reduce((sum, d) => sum + d * d, 0);
  diffs.sort();
  return { max: diffs[diffs.length - 1], p99: diffs[Math.floor(0.99 * (diffs.length - 1))], rms: Math.sqrt(squares / diffs.length) };
}

/**
 * Margin over the gap between the two references: 10 % plus 4e-4 absolute (13 LSB of 16-bit audio, -68 dBFS). The
 * absolute part matters only where the references agree almost exactly (rs_amfm_pcm24_48k: all its tones lie below
 * 4.6 kHz, so their gap is resample_poly's pass-band ripple alone, 5.7e-4 at most, and our own +-0.001 ripple is
 * of the same size).
 */
const within = (ours: number, gap: number) => ours <= 1.1 * gap + 4e-4;

describe.skipIf(!existsSync(goldenDir))("resample: agreement with librosa kaiser_best and scipy resample_poly", () => {
  const f32 = (path: string) => {
    const bytes = readFileSync(new URL(path, goldenDir));
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  };

  it.each(RESAMPLING_CASES)("%s: within the band the two references differ by", (name) => {
    const wav = decodeWav(readFileSync(new URL(`inputs/${name}.wav`, goldenDir)));
    const ours = resample(wav.samples, wav.sampleRate, 16000);
    const kaiserBest = f32(`resampled/${name}.kaiser_best.f32`);
    const resamplePoly = f32(`resampled/${name}.resample_poly.f32`);
    expect(ours.length).toBe(kaiserBest.length);
    const gap = deviation(kaiserBest, resamplePoly);
    for (const reference of [kaiserBest, resamplePoly]) {
      const ours_ = deviation(ours, reference);
      expect(within(ours_.max, gap.max), `max ${ours_.max} vs gap ${gap.max}`).toBe(true);
      expect(within(ours_.p99, gap.p99), `p99 ${ours_.p99} vs gap ${gap.p99}`).toBe(true);
      expect(within(ours_.rms, gap.rms), `rms ${ours_.rms} vs gap ${gap.rms}`).toBe(true);
    }
  });
});

describe("resampleSource with an output range: exactly those outputs of the whole", () => {
  it.each([16000, 8000, 44100, 48000, 96000, 12345])("from %i Hz", (rate) => {
    const x = Float32Array.from({ length: 3 * rate + 17 }, (_, i) => Math.sin(i * 0.37) * 0.5 + Math.sin(i * 0.011) * 0.3);
    const whole = resample(x, rate, 16000);
    const n = resampledLength(x.length, rate, 16000);
    expect(whole.length).toBe(n);
    for (const [start, end] of [[0, 1], [5, 3000], [1023, 1025], [20011, n], [n, n]]) {
      expect(resampleSource(arraySource(x), rate, 16000, { start, end })).toEqual(whole.subarray(start, end));
    }
    expect(() => resampleSource(arraySource(x), rate, 16000, { start: 0, end: n + 1 })).toThrow(RangeError);
  });
});
