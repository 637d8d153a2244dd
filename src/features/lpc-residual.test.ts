import { describe, expect, it } from "vitest";
import { mulberry32, randomNormal } from "../../scripts/lib/prng";
import { lpcResidualFrame, lpcScratch, type LpcResidual } from "./lpc-residual";

const N = 8000;
const rectangular = new Float64Array(N).fill(1);
const params = { order: 16, frameLength: N, window: rectangular };

function gaussian(n: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length: n }, () => randomNormal(random));
}

/** x[n] = a1 x[n-1] + a2 x[n-2] + excitation[n]: a two-pole resonator, like one formant. */
function resonator(excitation: Float64Array, a1: number, a2: number): Float64Array {
  const x = new Float64Array(excitation.length);
  for (let i = 0; i < x.length; i++) x[i] = excitation[i] + a1 * (x[i - 1] ?? 0) + a2 * (x[i - 2] ?? 0);
  return x;
}

function analyse(signal: Float64Array | Float32Array, start = 0, p = params): LpcResidual {
  const out = { logKurtosis: Number.NaN, logPredictionGain: Number.NaN, absSkewness: Number.NaN, logCrest: Number.NaN };
  lpcResidualFrame(signal, start, p, lpcScratch(p), out);
  return out;
}

describe("lpcResidualFrame", () => {
  it("finds nothing to predict in white Gaussian noise: gain ~1, kurtosis ~3", () => {
    const r = analyse(gaussian(N, 1));
    expect(r.logPredictionGain).toBeGreaterThan(-0.02);
    expect(r.logPredictionGain).toBeLessThanOrEqual(0);
    expect(Math.abs(r.logKurtosis - Math.log(3))).toBeLessThan(0.1);
    // Symmetric excitation: skewness ~0; the largest of 8000 normal values lies about 3.5-4.5 deviations out.
    expect(r.absSkewness).toBeLessThan(0.1);
    expect(r.logCrest).toBeGreaterThan(Math.log(3.3));
    expect(r.logCrest).toBeLessThan(Math.log(4.8));
  });

  it("sees one-sided pulses as a skewed residual whatever the polarity, and a lone pulse as its crest", () => {
    // Exponential excitation (skewness 2), and the same signal inverted: the same magnitude of skewness.
    const random = mulberry32(5);
    const skewed = Float64Array.from({ length: N }, () => -Math.log(1 - random()) - 1);
    const up = analyse(skewed);
    const down = analyse(skewed.map((x) => -x));
    expect(Math.abs(up.absSkewness - 2)).toBeLessThan(0.4);
    expect(down.absSkewness).toBeCloseTo(up.absSkewness, 12);
    // A lone impulse in a long rectangular frame: its residual is the impulse, crest sqrt(frame length) nearly.
    const impulse = new Float64Array(N);
    impulse[N / 2] = 1;
    expect(Math.abs(analyse(impulse).logCrest - 0.5 * Math.log(N - 16))).toBeLessThan(0.05);
  });

  it("recovers a resonator's prediction gain (residual variance over signal variance)", () => {
    // Poles at radius 0.95, angle 0.3 rad: var(x) / var(w) = (1 - a2) / ((1 + a2) ((1 - a2)^2 - a1^2)).
    const a1 = 2 * 0.95 * Math.cos(0.3);
    const a2 = -(0.95 ** 2);
    const ratio = (1 - a2) / ((1 + a2) * ((1 - a2) ** 2 - a1 ** 2));
    const r = analyse(resonator(gaussian(N + 1000, 2), a1, a2).subarray(1000));
    // Within the sampling error of one 8000-sample realisation of a strongly correlated process.
    expect(Math.abs(r.logPredictionGain + Math.log(ratio))).toBeLessThan(0.15);
    expect(Math.abs(r.logKurtosis - Math.log(3))).toBeLessThan(0.15);
  });

  it("sees pulse excitation as a peaky residual where noise excitation is not", () => {
    const pulses = Float64Array.from({ length: N }, (_, i) => (i % 133 === 0 ? 1 : 0));
    const hann = Float64Array.from({ length: 400 }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / 400));
    const speechFrame = { order: 16, frameLength: 400, window: hann };
    const voiced = analyse(resonator(pulses, 1.6, -0.8), 2000, speechFrame);
    const noisy = analyse(resonator(gaussian(N, 3), 1.6, -0.8), 2000, speechFrame);
    // The Hann window alone makes windowed Gaussian noise's kurtosis 3 E[w^4] / E[w^2]^2 = 5.8 (ln 1.77).
    expect(Math.abs(noisy.logKurtosis - Math.log(5.83))).toBeLessThan(0.3);
    expect(voiced.logKurtosis).toBeGreaterThan(noisy.logKurtosis + 1);
  });

  it("answers 0 and 0 for a silent frame and for a frame wholly outside the signal, without NaN", () => {
    const nothing = { logKurtosis: 0, logPredictionGain: 0, absSkewness: 0, logCrest: 0 };
    expect(analyse(new Float32Array(N))).toEqual(nothing);
    expect(analyse(gaussian(100, 4), 500)).toEqual(nothing);
  });

  it("stays finite on a pure tone, where the predictor is nearly exact", () => {
    const tone = Float64Array.from({ length: N }, (_, i) => Math.sin(0.2 * i));
    const r = analyse(tone);
    expect(Number.isFinite(r.logKurtosis)).toBe(true);
    expect(r.logPredictionGain).toBeLessThan(-8);
  });
});
