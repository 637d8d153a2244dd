import { describe, expect, it } from "vitest";
import { powerToDb } from "./power-to-db";
import { spectralContrast } from "./spectral-contrast";

const PARAMS = { sampleRate: 16000, fMin: 200, nBands: 6, quantile: 0.02 };

/** librosa 0.11 spectral_contrast, transcribed with its boolean masks and a full sort per band. */
function referenceContrast(magnitude: Float64Array[], nFft: number): number[][] {
  const nBins = nFft / 2 + 1;
  const freq = Array.from({ length: nBins }, (_, k) => (k * PARAMS.sampleRate) / nFft);
  const octa = [0, ...Array.from({ length: PARAMS.nBands + 1 }, (_, i) => PARAMS.fMin * 2 ** i)];
  const peak: number[][] = [];
  const valley: number[][] = [];
  for (let k = 0; k <= PARAMS.nBands; k++) {
    const band = freq.map((f) => f >= octa[k] && f <= octa[k + 1]);
    const idx = band.flatMap((inBand, i) => (inBand ? [i] : []));
    if (k > 0) band[idx[0] - 1] = true;
    if (k === PARAMS.nBands) for (let i = idx[idx.length - 1] + 1; i < nBins; i++) band[i] = true;
    const x = PARAMS.quantile * band.filter(Boolean).length;
    const rint = Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
    const q = Math.max(1, rint);
    peak.push([]);
    valley.push([]);
    for (const frame of magnitude) {
      let sub = frame.filter((_, i) => band[i]);
      if (k < PARAMS.nBands) sub = sub.slice(0, -1);
      const sorted = Float64Array.from(sub).sort();
      valley[k].push(sorted.slice(0, q).reduce((s, v) => s + v, 0) / q);
      peak[k].push(sorted.slice(-q).reduce((s, v) => s + v, 0) / q);
    }
  }
  const db = (m: number[][]) => powerToDb(Float64Array.from(m.flat()), { ref: 1, amin: 1e-10, topDb: 80 });
  const peakDb = db(peak);
  const valleyDb = db(valley);
  return peak.map((row, k) => row.map((_, t) => peakDb[k * row.length + t] - valleyDb[k * row.length + t]));
}

describe.each([2048, 512])("spectralContrast (nFft %i) against a transcription of librosa's loop", (nFft) => {
  const nBins = nFft / 2 + 1;
  // Five frames of uneven magnitudes at different levels (bands hold up to q = 8 extremes), and an all-zero one.
  const frames = Array.from({ length: 6 }, (_, t) =>
    Float64Array.from({ length: nBins }, (_, k) =>
      t === 5 ? 0 : Math.abs(Math.sin(k * 0.37 + t) * Math.cos(k * 0.011 * t)) * 10 ** ((t % 3) - 1),
    ),
  );
  const flat = Float64Array.from(frames.flatMap((frame) => [...frame]));
  const ours = spectralContrast({ data: flat, nFrames: 6, nRows: nBins }, PARAMS);
  const expected = referenceContrast(frames, nFft);

  it("has nBands + 1 rows per frame", () => {
    expect(ours.nRows).toBe(7);
    expect(ours.nFrames).toBe(6);
  });

  it("agrees per band and frame, including the all-zero frame (difference of the two dB floors)", () => {
    for (let k = 0; k < 7; k++) for (let t = 0; t < 6; t++) expect(ours.data[t * 7 + k]).toBeCloseTo(expected[k][t], 9);
  });
});

it("spectralContrast refuses a band with no bin", () => {
  // nFft 16 at 16 kHz: bins 1 kHz apart, so the 200-400 Hz band holds none.
  expect(() => spectralContrast({ data: new Float64Array(9), nFrames: 1, nRows: 9 }, PARAMS)).toThrow(RangeError);
});
