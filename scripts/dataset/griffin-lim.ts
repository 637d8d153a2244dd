/**
 * Mel + Griffin-Lim copy-synthesis (SOURCES.md §5), the "mel-spectrogram TTS front-end" kind of vocoder copy:
 * STFT (n_fft 1024, hop 256, periodic Hann, magnitudes, 1024 zeros padded each side), 80 HTK-mel bands over
 * 0–8 kHz as filter-weighted means, expanded back to 513 bins by the normalised transpose, then 32 Griffin-Lim
 * iterations from random phase with window-squared overlap-add normalisation.
 */
import FFT from "fft.js";
import type { Random } from "./prng";

export interface GriffinLimOptions {
  nFft: number;
  hop: number;
  melBands: number;
  sampleRate: number;
  iterations: number;
}

export const GRIFFIN_LIM_DEFAULTS: GriffinLimOptions = { nFft: 1024, hop: 256, melBands: 80, sampleRate: 16000, iterations: 32 };

const hzToMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

/** Triangular HTK-mel filters from 0 Hz to Nyquist: `bands` rows of nFft/2+1 weights. */
export function melFilters(nFft: number, sampleRate: number, bands: number): Float64Array[] {
  const bins = nFft / 2 + 1;
  const top = hzToMel(sampleRate / 2);
  const edges = Array.from({ length: bands + 2 }, (_, i) => melToHz((top * i) / (bands + 1)));
  return Array.from({ length: bands }, (_, b) => {
    const row = new Float64Array(bins);
    for (let k = 0; k < bins; k++) {
      const hz = (k * sampleRate) / nFft;
      const rise = (hz - edges[b]) / (edges[b + 1] - edges[b]);
      const fall = (edges[b + 2] - hz) / (edges[b + 2] - edges[b + 1]);
      row[k] = Math.max(0, Math.min(rise, fall));
    }
    return row;
  });
}

export function periodicHann(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
}

/** Complex STFT frames (interleaved re/im over nFft/2+1 bins) of an already padded signal. */
function stft(signal: Float64Array, window: Float64Array, hop: number, fft: FFT): Float64Array[] {
  const n = window.length;
  const frames: Float64Array[] = [];
  const input = new Float64Array(n);
  const out = fft.createComplexArray();
  for (let start = 0; start + n <= signal.length; start += hop) {
    for (let i = 0; i < n; i++) input[i] = signal[start + i] * window[i];
    fft.realTransform(out, input);
    frames.push(Float64Array.from(out.slice(0, n + 2)));
  }
  return frames;
}

/** Overlap-add of windowed inverse FFTs, divided by the summed squared window. */
function istft(frames: readonly Float64Array[], window: Float64Array, hop: number, length: number, fft: FFT): Float64Array {
  const n = window.length;
  const out = new Float64Array(length);
  const norm = new Float64Array(length);
  const full = fft.createComplexArray();
  const time = fft.createComplexArray();
  frames.forEach((frame, f) => {
    for (let k = 0; k <= n / 2; k++) {
      full[2 * k] = frame[2 * k];
      full[2 * k + 1] = frame[2 * k + 1];
      if (k > 0 && k < n / 2) {
        full[2 * (n - k)] = frame[2 * k];
        full[2 * (n - k) + 1] = -frame[2 * k + 1];
      }
    }
    fft.inverseTransform(time, full);
    const start = f * hop;
    for (let i = 0; i < n; i++) {
      out[start + i] += time[2 * i] * window[i];
      norm[start + i] += window[i] * window[i];
    }
  });
  for (let i = 0; i < length; i++) if (norm[i] > 1e-8) out[i] /= norm[i];
  return out;
}

/** Magnitudes reduced to mel bands (weighted means) and expanded back to linear bins (normalised transpose). */
export function melSmoothedMagnitudes(magnitudes: Float64Array, filters: readonly Float64Array[]): Float64Array {
  const bins = magnitudes.length;
  const mel = filters.map((row) => {
    let sum = 0;
    let area = 0;
    for (let k = 0; k < bins; k++) {
      sum += row[k] * magnitudes[k];
      area += row[k];
    }
    return area > 0 ? sum / area : 0;
  });
  const out = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    let sum = 0;
    let weight = 0;
    filters.forEach((row, b) => {
      sum += row[k] * mel[b];
      weight += row[k];
    });
    out[k] = weight > 0 ? sum / weight : 0;
  }
  return out;
}

/** The copy: same length as the input, peak not normalised. */
export function griffinLimCopy(samples: Float32Array, random: Random, options: GriffinLimOptions = GRIFFIN_LIM_DEFAULTS): Float32Array {
  const { nFft, hop } = options;
  const fft = new FFT(nFft);
  const window = periodicHann(nFft);
  const padded = new Float64Array(samples.length + 2 * nFft);
  padded.set(samples, nFft);
  const filters = melFilters(nFft, options.sampleRate, options.melBands);
  const target = stft(padded, window, hop, fft).map((frame) => {
    const mags = new Float64Array(nFft / 2 + 1);
    for (let k = 0; k < mags.length; k++) mags[k] = Math.hypot(frame[2 * k], frame[2 * k + 1]);
    return melSmoothedMagnitudes(mags, filters);
  });
  const withPhase = (phaseOf: (f: number, k: number) => number) =>
    target.map((mags, f) => {
      const frame = new Float64Array(nFft + 2);
      for (let k = 0; k < mags.length; k++) {
        const phase = phaseOf(f, k);
        frame[2 * k] = mags[k] * Math.cos(phase);
        frame[2 * k + 1] = mags[k] * Math.sin(phase);
      }
      return frame;
    });
  let spectrum = withPhase(() => 2 * Math.PI * random());
  for (let it = 0; it < options.iterations; it++) {
    const estimate = stft(istft(spectrum, window, hop, padded.length, fft), window, hop, fft);
    spectrum = withPhase((f, k) => Math.atan2(estimate[f][2 * k + 1], estimate[f][2 * k]));
  }
  const signal = istft(spectrum, window, hop, padded.length, fft);
  return Float32Array.from(signal.subarray(nFft, nFft + samples.length));
}

/** Scales to a given peak (the copy is scaled to 0.9 before conditioning). */
export function scaleToPeak(samples: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const x of samples) max = Math.max(max, Math.abs(x));
  return max > 0 ? samples.map((x) => (x * peak) / max) : samples.slice();
}
