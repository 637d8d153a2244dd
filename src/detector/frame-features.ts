import { applyFilterbank } from "../features/filterbank";
import { centredFrameCount, type FrameMatrix } from "../features/frames";
import { linearFilterbank } from "../features/linear-filterbank";
import { melFilterbank } from "../features/mel";
import { mfcc } from "../features/mfcc";
import { powerToDb } from "../features/power-to-db";
import { spectralBandwidth } from "../features/spectral-bandwidth";
import { spectralCentroid } from "../features/spectral-centroid";
import { spectralFlatness } from "../features/spectral-flatness";
import { spectralRolloff } from "../features/spectral-rolloff";
import { magnitudeSpectrogram, powerSpectrogram } from "../features/stft";

/** The detector's analysis grid at 16 kHz: 25 ms Hann windows every 10 ms (the usual speech front end). */
export const ANALYSIS = { sampleRate: 16000, nFft: 512, winLength: 400, hopLength: 160 } as const;

const N_BANDS = 40;
const N_CEPSTRA = 20;
/** Relative band energies over 16 linear bands of 500 Hz (bins 16b+1 .. 16b+16; the DC bin is left out). */
const N_ENERGY_BANDS = 16;
const BINS_PER_ENERGY_BAND = 16;
/** Flatness over four 2 kHz bands: noise-like versus tonal structure separately in each. */
const FLATNESS_BANDS: readonly (readonly [number, number])[] = [
  [1, 64],
  [64, 128],
  [128, 192],
  [192, 257],
];
const AMIN = 1e-10;
/** Frames are computed this many at a time, so a long clip never holds more than one block of spectrum. */
const BLOCK_FRAMES = 256;

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The per-frame columns, in order. */
export const FRAME_COLUMNS: readonly string[] = [
  "log_energy",
  ...names("mfcc", N_CEPSTRA),
  ...names("lfcc", N_CEPSTRA),
  ...names("band_rel_db", N_ENERGY_BANDS),
  ...names("flatness_band", FLATNESS_BANDS.length),
  "centroid_hz",
  "bandwidth_hz",
  "rolloff_hz",
];
export const LOG_ENERGY_COLUMN = 0;

/** Per-frame feature values, frame-major: column c of frame t is data[t * nColumns + c]. */
export interface FrameFeatures {
  readonly data: Float32Array;
  readonly nFrames: number;
  readonly nColumns: number;
}

/**
 * The detector's per-frame features of a 16 kHz mono signal on the ANALYSIS grid (librosa framing, center=True,
 * zero padding): frame log energy (dB), 20 MFCC from 40 Slaney mel bands and 20 LFCC from 40 linear bands (both
 * DCT-II ortho of the dB values, without top_db so that a frame does not depend on the rest of the clip),
 * relative energies of 16 bands of 500 Hz, spectral flatness of four 2 kHz bands, centroid, bandwidth and
 * rolloff (librosa definitions). Computed block by block: memory is the output plus one block of spectrum.
 */
export function frameFeatures(signal: Float32Array): FrameFeatures {
  const { sampleRate, nFft, hopLength } = ANALYSIS;
  const nFrames = centredFrameCount(signal.length, nFft, hopLength);
  const nColumns = FRAME_COLUMNS.length;
  const data = new Float32Array(nFrames * nColumns);
  const mel = melFilterbank({ sampleRate, nFft, nMels: N_BANDS, fMin: 0, fMax: sampleRate / 2 });
  const linear = linearFilterbank({ sampleRate, nFft, nBands: N_BANDS, fMin: 0, fMax: sampleRate / 2 });
  for (let first = 0; first < nFrames; first += BLOCK_FRAMES) {
    const end = Math.min(nFrames, first + BLOCK_FRAMES);
    const power = powerSpectrogram(signal, ANALYSIS, { first, end });
    const mfccs = cepstra(applyFilterbank(power, mel));
    const lfccs = cepstra(applyFilterbank(power, linear));
    const magnitude = magnitudeSpectrogram(power);
    const centroid = spectralCentroid(magnitude, sampleRate);
    const bandwidth = spectralBandwidth(magnitude, centroid, sampleRate);
    const rolloff = spectralRolloff(magnitude, sampleRate, 0.85);
    const flatness = FLATNESS_BANDS.map((bins) => spectralFlatness(power, AMIN, bins));
    for (let t = 0; t < power.nFrames; t++) {
      const out = (first + t) * nColumns;
      let c = 0;
      const spectrum = power.data.subarray(t * power.nRows, (t + 1) * power.nRows);
      let total = 0;
      for (let k = 0; k < spectrum.length; k++) total += spectrum[k];
      const logEnergy = toDb(total);
      data[out + c++] = logEnergy;
      for (let i = 0; i < N_CEPSTRA; i++) data[out + c++] = mfccs.data[t * N_CEPSTRA + i];
      for (let i = 0; i < N_CEPSTRA; i++) data[out + c++] = lfccs.data[t * N_CEPSTRA + i];
      for (let b = 0; b < N_ENERGY_BANDS; b++) {
        let sum = 0;
        for (let k = b * BINS_PER_ENERGY_BAND + 1; k <= (b + 1) * BINS_PER_ENERGY_BAND; k++) sum += spectrum[k];
        data[out + c++] = toDb(sum) - logEnergy;
      }
      for (const band of flatness) data[out + c++] = band[t];
      data[out + c++] = centroid[t];
      data[out + c++] = bandwidth[t];
      data[out + c++] = rolloff[t];
    }
  }
  return { data, nFrames, nColumns };
}

function cepstra(bands: FrameMatrix): FrameMatrix {
  const db = powerToDb(bands.data, { ref: 1, amin: AMIN, topDb: null });
  return mfcc({ data: db, nFrames: bands.nFrames, nRows: bands.nRows }, N_CEPSTRA);
}

const DB_PER_NEPER = 10 / Math.LN10;

function toDb(power: number): number {
  return DB_PER_NEPER * Math.log(Math.max(AMIN, power));
}
