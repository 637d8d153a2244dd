import { filterbankFrame, type SparseFilterbank } from "../features/filterbank";
import { centredFrameCount } from "../features/frames";
import { linearFilterbank } from "../features/linear-filterbank";
import { lpcResidualFrame, lpcScratch } from "../features/lpc-residual";
import { melFilterbank } from "../features/mel";
import { type MfccTransform, mfccFrame, mfccTransform } from "../features/mfcc";
import { powerDb } from "../features/power-to-db";
import { spectrumLayout, spectrumSummary, spectrumSummaryFrame } from "../features/spectrum-summary";
import { binSpacingHz, periodicHann, powerSpectrogramInto } from "../features/stft";

/**
 * The detector's analysis grid at 16 kHz: 25 ms Hann windows every 12.5 ms. The usual 10 ms hop scored the same on
 * unseen systems within the noise of two seeds, and cost a 10 s clip 11 ms of CPU in workerd instead of 8: over the
 * 10 ms a request gets on Cloudflare's free plan (README, "Evaluation"; test/hardening/README.md).
 */
export const ANALYSIS = { sampleRate: 16000, nFft: 512, winLength: 400, hopLength: 200 } as const;

const N_BANDS = 40;
const N_CEPSTRA = 20;
/** Relative band energies over 16 linear bands of 500 Hz (bins 16b+1 .. 16b+16; the DC bin is left out). */
const N_ENERGY_BANDS = 16;
const BINS_PER_ENERGY_BAND = 16;
/** Flatness over four 2 kHz bands: noise-like versus tonal structure separately in each. */
const FLATNESS_EDGES = [1, 64, 128, 192, 257];
const AMIN = 1e-10;
/** Linear prediction of order 16 (two poles per kHz of a 16 kHz signal, and some for the glottal shape). */
const LPC_ORDER = 16;
/**
 * The residual statistics are computed on every LPC_STRIDE-th frame and held for the frames in between: they
 * change slowly, and every frame would cost as much again as all the other columns together.
 */
export const LPC_STRIDE = 4;
/**
 * Frames are computed this many at a time, so a long clip never holds more than one block of spectrum. Sixteen
 * frames of spectrum (33 KB) stay in the L1 data cache between the transform writing them and the features
 * reading them: measured 9.1 -> 8.1 ms for 10 s, against 256 frames (4 and 32 were slower than 16).
 */
const BLOCK_FRAMES = 16;

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The per-frame columns, in order. */
export const FRAME_COLUMNS: readonly string[] = [
  "log_energy",
  ...names("mfcc", N_CEPSTRA),
  ...names("lfcc", N_CEPSTRA),
  ...names("band_rel_db", N_ENERGY_BANDS),
  ...names("flatness_band", FLATNESS_EDGES.length - 1),
  "centroid_hz",
  "bandwidth_hz",
  "rolloff_hz",
  "lpc_residual_log_kurtosis",
  "lpc_log_prediction_gain",
  "lpc_residual_abs_skewness",
  "lpc_residual_log_crest",
];
export const LOG_ENERGY_COLUMN = 0;

/** Per-frame feature values, frame-major: column c of frame t is data[t * nColumns + c]. */
export interface FrameFeatures {
  readonly data: Float32Array;
  readonly nFrames: number;
  readonly nColumns: number;
  /** Frames after the first that begin another stretch of the input (see joinFrames); none for one signal. */
  readonly runStarts?: readonly number[];
}

/** The frames of several stretches of one input, one after another; runStarts marks where each begins. */
export function joinFrames(parts: readonly FrameFeatures[]): FrameFeatures {
  if (parts.length === 1) return parts[0];
  const nColumns = FRAME_COLUMNS.length;
  const nFrames = parts.reduce((sum, part) => sum + part.nFrames, 0);
  const data = new Float32Array(nFrames * nColumns);
  const runStarts: number[] = [];
  let at = 0;
  for (const part of parts) {
    if (at > 0) runStarts.push(at);
    data.set(part.data, at * nColumns);
    at += part.nFrames;
  }
  return { data, nFrames, nColumns, runStarts };
}

/**
 * The detector's per-frame features of a 16 kHz mono signal on the ANALYSIS grid (librosa framing, center=True,
 * zero padding): frame log energy (dB), 20 MFCC from 40 Slaney mel bands and 20 LFCC from 40 linear bands (both
 * DCT-II ortho of the dB values, without top_db so that a frame does not depend on the rest of the clip),
 * relative energies of 16 bands of 500 Hz, spectral flatness of four 2 kHz bands, centroid, bandwidth and
 * rolloff (librosa definitions), and the log kurtosis and log prediction gain of the order-16 linear-prediction
 * residual of the frame's 400 Hann-windowed samples (every LPC_STRIDE-th frame, held in between). Computed block
 * by block: memory is the output plus one block of spectrum.
 */
export function frameFeatures(signal: Float32Array): FrameFeatures {
  const { sampleRate, nFft, hopLength, winLength } = ANALYSIS;
  const nFrames = centredFrameCount(signal.length, nFft, hopLength);
  const nColumns = FRAME_COLUMNS.length;
  const data = new Float32Array(nFrames * nColumns);
  const mel = melFilterbank({ sampleRate, nFft, nMels: N_BANDS, fMin: 0, fMax: sampleRate / 2 });
  const linear = linearFilterbank({ sampleRate, nFft, nBands: N_BANDS, fMin: 0, fMax: sampleRate / 2 });
  const dct = mfccTransform(N_CEPSTRA, N_BANDS);
  const nBins = nFft / 2 + 1;
  // One block of power spectrum and one frame's scratch, reused: a clip allocates nothing per block or frame.
  const blockPower = new Float64Array(Math.min(nFrames, BLOCK_FRAMES) * nBins);
  const layout = spectrumLayout({
    nBins,
    binHz: binSpacingHz(sampleRate, nBins),
    rollPercent: 0.85,
    amin: AMIN,
    bandBins: BINS_PER_ENERGY_BAND,
    flatnessEdges: FLATNESS_EDGES,
  });
  // A plain array of doubles (filled with a non-integer to start as one): V8 checks every typed-array access.
  const magnitude = Array.from({ length: nBins }, () => 0.5);
  const spectrum = spectrumSummary(layout);
  const scratch = { bands: new Float64Array(N_BANDS), cepstra: new Float64Array(N_CEPSTRA) };
  const window = Float64Array.from({ length: winLength }, (_, i) => periodicHann(winLength, i));
  const lpc = { order: LPC_ORDER, frameLength: winLength, window };
  const lpcBuffers = lpcScratch(lpc);
  const residual = { logKurtosis: 0, logPredictionGain: 0, absSkewness: 0, logCrest: 0 };
  for (let first = 0; first < nFrames; first += BLOCK_FRAMES) {
    const end = Math.min(nFrames, first + BLOCK_FRAMES);
    const power = powerSpectrogramInto(signal, ANALYSIS, { first, end }, blockPower).data;
    for (let t = 0; t < end - first; t++) {
      const base = t * nBins;
      const out = (first + t) * nColumns;
      let c = 0;
      spectrumSummaryFrame(power, base, layout, magnitude, spectrum);
      const logEnergy = powerDb(spectrum.totalPower, AMIN);
      data[out + c++] = logEnergy;
      cepstra(power, base, mel, dct, scratch, data, out + c);
      c += N_CEPSTRA;
      cepstra(power, base, linear, dct, scratch, data, out + c);
      c += N_CEPSTRA;
      for (let b = 0; b < N_ENERGY_BANDS; b++) data[out + c++] = powerDb(spectrum.bandPower[b], AMIN) - logEnergy;
      for (let b = 0; b < spectrum.flatness.length; b++) data[out + c++] = spectrum.flatness[b];
      data[out + c++] = spectrum.centroid;
      data[out + c++] = spectrum.bandwidth;
      data[out + c++] = spectrum.rolloff;
      // The STFT frame's window spans samples t * hop - winLength / 2 .. t * hop + winLength / 2.
      const frame = first + t;
      if (frame % LPC_STRIDE === 0) {
        lpcResidualFrame(signal, frame * hopLength - (lpc.frameLength >> 1), lpc, lpcBuffers, residual);
      }
      data[out + c++] = residual.logKurtosis;
      data[out + c++] = residual.logPredictionGain;
      data[out + c++] = residual.absSkewness;
      data[out + c++] = residual.logCrest;
    }
  }
  return { data, nFrames, nColumns };
}

/**
 * One frame's cepstrum through a filterbank: band energies, their dB values (without top_db), the first
 * N_CEPSTRA DCT-II coefficients, written to data[at ...].
 */
function cepstra(
  power: Float64Array,
  base: number,
  filterbank: SparseFilterbank,
  dct: MfccTransform,
  scratch: { bands: Float64Array; cepstra: Float64Array },
  data: Float32Array,
  at: number,
): void {
  const { bands, cepstra } = scratch;
  filterbankFrame(power, base, filterbank, bands, 0);
  for (let m = 0; m < N_BANDS; m++) bands[m] = powerDb(bands[m], AMIN);
  mfccFrame(dct, bands, 0, cepstra, 0);
  for (let i = 0; i < N_CEPSTRA; i++) data[at + i] = cepstra[i];
}
