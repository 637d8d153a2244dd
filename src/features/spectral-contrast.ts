import type { FrameMatrix } from "./frames";
import { type PowerToDbParams, powerToDb } from "./power-to-db";
import { binSpacingHz } from "./stft";

/** librosa `spectral_contrast` parameters (linear=False). */
export interface SpectralContrastParams {
  readonly sampleRate: number;
  /** Upper edge of the first band in Hz (librosa 200); band k > 0 spans [fMin 2^(k-1), fMin 2^k]. */
  readonly fMin: number;
  /** Number of octave bands above the first (librosa 6); the result has nBands + 1 rows. */
  readonly nBands: number;
  /** Fraction of a band's bins averaged for its peak and its valley (librosa 0.02). */
  readonly quantile: number;
}

/** librosa converts peaks and valleys with its power_to_db defaults, each over its whole [bands][T] matrix. */
const CONTRAST_DB: PowerToDbParams = { ref: 1, amin: 1e-10, topDb: 80 };

/**
 * librosa 0.11 `spectral_contrast(S=|X|, fmin, n_bands, quantile, linear=False)`, frame-major [T][nBands + 1].
 * Band k takes the bins with f_low <= f <= f_high (edges 0, fMin, 2 fMin, ... fMin 2^nBands), for k > 0 also the
 * bin just below, for the last band every bin above; q = max(1, rint(quantile * that count)); bands k < nBands
 * then drop their last bin. Valley = mean of the q smallest magnitudes, peak = mean of the q largest; contrast =
 * power_to_db(peak) - power_to_db(valley), each converted with top_db 80 over its whole matrix, so contrast
 * depends on the frame range given (all-zero frames give the difference of the two floors, not 0). librosa
 * applies 10 log10 to magnitudes here; so do we.
 */
export function spectralContrast(magnitude: FrameMatrix, params: SpectralContrastParams): FrameMatrix {
  const { nFrames, nRows, data } = magnitude;
  const bands = contrastBands(nRows, params);
  const nOut = bands.length;
  const peak = new Float64Array(nFrames * nOut);
  const valley = new Float64Array(nFrames * nOut);
  const maxQ = Math.max(...bands.map((band) => band.q));
  const smallest = new Float64Array(maxQ);
  const negatedLargest = new Float64Array(maxQ);
  for (let t = 0; t < nFrames; t++) {
    const base = t * nRows;
    for (let b = 0; b < nOut; b++) {
      const { first, end, q } = bands[b];
      // The q smallest magnitudes and the q largest (kept negated), each ascending; q is a few bins, so
      // insertion beats sorting the band.
      let kept = 0;
      for (let k = base + first; k < base + end; k++) {
        insertAscending(smallest, kept, q, data[k]);
        insertAscending(negatedLargest, kept, q, -data[k]);
        if (kept < q) kept++;
      }
      let low = 0;
      let high = 0;
      for (let i = 0; i < q; i++) {
        low += smallest[i];
        high -= negatedLargest[i];
      }
      valley[t * nOut + b] = low / q;
      peak[t * nOut + b] = high / q;
    }
  }
  const peakDb = powerToDb(peak, CONTRAST_DB);
  const valleyDb = powerToDb(valley, CONTRAST_DB);
  for (let i = 0; i < peakDb.length; i++) peakDb[i] -= valleyDb[i];
  return { data: peakDb, nFrames, nRows: nOut };
}

interface ContrastBand {
  /** First bin of the band. */
  readonly first: number;
  /** One past its last bin (after librosa drops the last bin of bands below the top one). */
  readonly end: number;
  /** How many extreme bins are averaged. */
  readonly q: number;
}

/** The bin ranges of librosa's bands for a spectrum of nBins bins. */
function contrastBands(nBins: number, { sampleRate, fMin, nBands, quantile }: SpectralContrastParams): ContrastBand[] {
  const binHz = binSpacingHz(sampleRate, nBins);
  const bands: ContrastBand[] = [];
  for (let k = 0; k <= nBands; k++) {
    const fLow = k === 0 ? 0 : fMin * 2 ** (k - 1);
    const fHigh = fMin * 2 ** k;
    let first = -1;
    let last = -1;
    for (let bin = 0; bin < nBins; bin++) {
      const f = bin * binHz;
      if (f >= fLow && f <= fHigh) {
        if (first < 0) first = bin;
        last = bin;
      }
    }
    if (first < 0) throw new RangeError(`contrast band ${k} (${fLow}-${fHigh} Hz) holds no FFT bin`);
    if (k > 0) first -= 1; // fLow > 0 here, so the band never starts at bin 0
    if (k === nBands) last = nBins - 1;
    const counted = last - first + 1;
    const q = Math.max(1, roundHalfToEven(quantile * counted));
    const end = k < nBands ? last : last + 1;
    if (end - first < q) throw new RangeError(`contrast band ${k} has fewer than ${q} bins`);
    bands.push({ first, end, q });
  }
  return bands;
}

/** Inserts value into the ascending run sorted[0..filled), which holds at most capacity values. */
function insertAscending(sorted: Float64Array, filled: number, capacity: number, value: number): void {
  if (filled === capacity && value >= sorted[capacity - 1]) return;
  let i = filled < capacity ? filled : capacity - 1;
  while (i > 0 && sorted[i - 1] > value) {
    sorted[i] = sorted[i - 1];
    i--;
  }
  sorted[i] = value;
}

/** numpy `rint`: halves go to the even neighbour. */
function roundHalfToEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
