/**
 * frameFeatures computes each frame in one pass over a reused block of spectrum, with per-frame kernels. This
 * checks it against the same features written as whole-spectrogram matrix operations (how librosa states them
 * and how the golden parity tests check them), column by column, to within float32 rounding of the output.
 */
import { describe, expect, it } from "vitest";
import { applyFilterbank } from "../features/filterbank";
import { linearFilterbank } from "../features/linear-filterbank";
import { lpcResidualFrame, lpcScratch } from "../features/lpc-residual";
import { melFilterbank } from "../features/mel";
import { mfcc } from "../features/mfcc";
import { powerToDb } from "../features/power-to-db";
import { spectralBandwidth } from "../features/spectral-bandwidth";
import { spectralCentroid } from "../features/spectral-centroid";
import { spectralFlatness } from "../features/spectral-flatness";
import { spectralRolloff } from "../features/spectral-rolloff";
import { magnitudeSpectrogram, powerSpectrogram } from "../features/stft";
import { ANALYSIS, FRAME_COLUMNS, frameFeatures, LPC_STRIDE } from "./frame-features";

const AMIN = 1e-10;
const db = (power: number) => 10 * Math.log10(Math.max(AMIN, power));

/** Every column of FRAME_COLUMNS by the matrix definitions: columns[name][t]. */
function referenceColumns(signal: Float32Array): Map<string, Float64Array> {
  const { sampleRate, nFft } = ANALYSIS;
  const power = powerSpectrogram(signal, ANALYSIS);
  const { nFrames, nRows } = power;
  const frame = (t: number) => power.data.subarray(t * nRows, (t + 1) * nRows);
  const sum = (t: number, lo: number, hi: number) => frame(t).subarray(lo, hi).reduce((s, p) => s + p, 0);
  const columns = new Map<string, Float64Array>();
  const column = (name: string, value: (t: number) => number) =>
    columns.set(name, Float64Array.from({ length: nFrames }, (_, t) => value(t)));
  column("log_energy", (t) => db(sum(t, 0, nRows)));
  const banks = {
    mfcc: melFilterbank({ sampleRate, nFft, nMels: 40, fMin: 0, fMax: sampleRate / 2 }),
    lfcc: linearFilterbank({ sampleRate, nFft, nBands: 40, fMin: 0, fMax: sampleRate / 2 }),
  };
  for (const [prefix, bank] of Object.entries(banks)) {
    const bandsDb = powerToDb(applyFilterbank(power, bank).data, { ref: 1, amin: AMIN, topDb: null });
    const cepstra = mfcc({ data: bandsDb, nFrames, nRows: 40 }, 20);
    for (let i = 0; i < 20; i++) column(`${prefix}${i}`, (t) => cepstra.data[t * 20 + i]);
  }
  for (let b = 0; b < 16; b++) column(`band_rel_db${b}`, (t) => db(sum(t, 16 * b + 1, 16 * b + 17)) - db(sum(t, 0, nRows)));
  const flatnessBands = [[1, 64], [64, 128], [128, 192], [192, 257]] as const;
  flatnessBands.forEach((bins, b) => {
    const flatness = spectralFlatness(power, AMIN, bins);
    column(`flatness_band${b}`, (t) => flatness[t]);
  });
  const magnitude = magnitudeSpectrogram(power);
  const centroid = spectralCentroid(magnitude, sampleRate);
  const bandwidth = spectralBandwidth(magnitude, centroid, sampleRate);
  const rolloff = spectralRolloff(magnitude, sampleRate, 0.85);
  column("centroid_hz", (t) => centroid[t]);
  column("bandwidth_hz", (t) => bandwidth[t]);
  column("rolloff_hz", (t) => rolloff[t]);
  // Frame t's 400 windowed samples, analysed on every LPC_STRIDE-th frame and held until the next.
  const hann = Float64Array.from({ length: 400 }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / 400));
  const lpc = { order: 16, frameLength: 400, window: hann };
  const residuals = Array.from({ length: nFrames }, (_, t) => {
    const out = { logKurtosis: 0, logPredictionGain: 0, absSkewness: 0, logCrest: 0 };
    const held = t - (t % LPC_STRIDE);
    lpcResidualFrame(signal, held * ANALYSIS.hopLength - 200, lpc, lpcScratch(lpc), out);
    return out;
  });
  column("lpc_residual_log_kurtosis", (t) => residuals[t].logKurtosis);
  column("lpc_log_prediction_gain", (t) => residuals[t].logPredictionGain);
  column("lpc_residual_abs_skewness", (t) => residuals[t].absSkewness);
  column("lpc_residual_log_crest", (t) => residuals[t].logCrest);
  return columns;
}

function noise(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5);
}

/** A voiced sound (gliding pitch, harmonics, syllable-rate envelope) with noise, a silent gap and a click. */
function speechLike(n: number): Float32Array {
  const hiss = noise(n, 11);
  return Float32Array.from({ length: n }, (_, i) => {
    if (i >= 20000 && i < 26000) return 0;
    if (i === 30000) return 0.9;
    const t = i / 16000;
    const phase = 2 * Math.PI * (120 * t + 10 * Math.sin(2 * Math.PI * 0.7 * t));
    const voiced = 0.4 * Math.sin(phase) + 0.2 * Math.sin(2 * phase + 0.3) + 0.1 * Math.sin(5 * phase);
    return (0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t)) * voiced + 0.01 * hiss[i];
  });
}

describe.each([
  ["speech-like, three blocks, with silence and a click", speechLike(16000 * 7)],
  ["white noise", noise(9000, 3)],
  ["all zeros", new Float32Array(3000)],
  ["a single sample", Float32Array.from([0.25])],
])("frameFeatures against the matrix definitions (%s)", (_, signal) => {
  it("agrees in every column to within float32 rounding", () => {
    const features = frameFeatures(signal);
    const reference = referenceColumns(signal);
    expect([...reference.keys()]).toEqual(FRAME_COLUMNS);
    FRAME_COLUMNS.forEach((name, c) => {
      const expected = reference.get(name)!;
      const scale = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      for (let t = 0; t < features.nFrames; t++) {
        const got = features.data[t * features.nColumns + c];
        const error = Math.abs(got - expected[t]);
        // Float32 storage, plus 1e-9 of the column's scale for rounding in the float64 sums (values near zero).
        expect(error, `${name} frame ${t}`).toBeLessThanOrEqual(2 ** -24 * Math.abs(expected[t]) + 1e-9 * scale);
      }
    });
  });
});
