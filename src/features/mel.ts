import type { FrameMatrix } from "./frames";

/** Mel filterbank parameters (librosa `filters.mel` names); always the Slaney scale with Slaney area norm. */
export interface MelParams {
  readonly sampleRate: number;
  readonly nFft: number;
  readonly nMels: number;
  readonly fMin: number;
  readonly fMax: number;
}

/**
 * A mel filterbank as sparse rows: band m weights bins [start[m], start[m] + length[m]) with
 * `weights[offset[m] ...]`. Each triangle covers few bins, so applying it costs about 2 multiply-adds per bin.
 */
export interface MelFilterbank {
  readonly nMels: number;
  readonly nBins: number;
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly offset: Int32Array;
  readonly weights: Float64Array;
}

// Slaney's Auditory Toolbox scale (librosa htk=False): linear below 1 kHz, logarithmic above.
const LINEAR_HZ_PER_MEL = 200 / 3;
const LOG_START_HZ = 1000;
const LOG_START_MEL = LOG_START_HZ / LINEAR_HZ_PER_MEL;
const LOG_STEP = Math.log(6.4) / 27;

/** Hz to mel on the Slaney scale (librosa `hz_to_mel(htk=False)`). */
export function hzToMel(hz: number): number {
  return hz >= LOG_START_HZ ? LOG_START_MEL + Math.log(hz / LOG_START_HZ) / LOG_STEP : hz / LINEAR_HZ_PER_MEL;
}

/** Mel to Hz on the Slaney scale (librosa `mel_to_hz(htk=False)`). */
export function melToHz(mel: number): number {
  return mel >= LOG_START_MEL ? LOG_START_HZ * Math.exp(LOG_STEP * (mel - LOG_START_MEL)) : LINEAR_HZ_PER_MEL * mel;
}

const filterbanks = new Map<string, MelFilterbank>();

/**
 * librosa `filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm="slaney")` in float64: nMels + 2 edge
 * frequencies evenly spaced in Slaney mel between fMin and fMax, triangles evaluated at the bin frequencies
 * k * sr / nFft, each scaled by 2 / (f[m+2] - f[m]). Built once per parameter set and cached.
 */
export function melFilterbank(params: MelParams): MelFilterbank {
  const key = `${params.sampleRate}/${params.nFft}/${params.nMels}/${params.fMin}/${params.fMax}`;
  let filterbank = filterbanks.get(key);
  if (filterbank === undefined) {
    filterbank = buildMelFilterbank(params);
    filterbanks.set(key, filterbank);
  }
  return filterbank;
}

function buildMelFilterbank({ sampleRate, nFft, nMels, fMin, fMax }: MelParams): MelFilterbank {
  const nBins = Math.floor(nFft / 2) + 1;
  const edges = new Float64Array(nMels + 2);
  const melMin = hzToMel(fMin);
  const melMax = hzToMel(fMax);
  // numpy linspace: start + k * step, the last point set to stop exactly.
  const melStep = (melMax - melMin) / (nMels + 1);
  for (let i = 0; i < nMels + 2; i++) edges[i] = melToHz(i === nMels + 1 ? melMax : melMin + i * melStep);
  const binHz = sampleRate / nFft; // librosa fft_frequencies: bin k at k * sr / nFft
  const start = new Int32Array(nMels);
  const length = new Int32Array(nMels);
  const offset = new Int32Array(nMels);
  const weights: number[] = [];
  const row = new Float64Array(nBins);
  for (let m = 0; m < nMels; m++) {
    const norm = 2 / (edges[m + 2] - edges[m]);
    let first = nBins;
    let last = -1;
    for (let k = 0; k < nBins; k++) {
      const rising = (k * binHz - edges[m]) / (edges[m + 1] - edges[m]);
      const falling = (edges[m + 2] - k * binHz) / (edges[m + 2] - edges[m + 1]);
      row[k] = norm * Math.max(0, Math.min(rising, falling));
      if (row[k] > 0) {
        first = Math.min(first, k);
        last = k;
      }
    }
    // A band that falls between two bins (too many mels for nFft) stays empty and weighs nothing, as in librosa.
    start[m] = last < 0 ? 0 : first;
    length[m] = last < 0 ? 0 : last - first + 1;
    offset[m] = weights.length;
    for (let k = start[m]; k < start[m] + length[m]; k++) weights.push(row[k]);
  }
  return { nMels, nBins, start, length, offset, weights: Float64Array.from(weights) };
}

/** Mel spectrogram: the filterbank applied to each frame of a power spectrogram, frame-major [T][nMels]. */
export function melSpectrogram(power: FrameMatrix, filterbank: MelFilterbank): FrameMatrix {
  if (power.nRows !== filterbank.nBins) {
    throw new RangeError(`spectrogram has ${power.nRows} bins, filterbank expects ${filterbank.nBins}`);
  }
  const { nMels, start, length, offset, weights } = filterbank;
  const data = new Float64Array(power.nFrames * nMels);
  const spectrum = power.data;
  for (let t = 0; t < power.nFrames; t++) {
    const frameBase = t * power.nRows;
    for (let m = 0; m < nMels; m++) {
      const binBase = frameBase + start[m];
      const weightBase = offset[m];
      let sum = 0;
      for (let j = 0; j < length[m]; j++) sum += weights[weightBase + j] * spectrum[binBase + j];
      data[t * nMels + m] = sum;
    }
  }
  return { data, nFrames: power.nFrames, nRows: nMels };
}
