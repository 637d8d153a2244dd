import { kaiserLength, kaiserWindow, sinc } from "./kaiser";

/**
 * The anti-aliasing (downsampling) / anti-imaging (upsampling) low-pass of the resampler: a Kaiser-windowed sinc,
 * tabulated per polyphase phase.
 *
 * Design, relative to the Nyquist frequency fn of the lower of the two rates (fn = 8 kHz when converting to 16 kHz):
 * - pass-band edge 0.84375 fn (6.75 kHz), stop-band edge 1.075 fn (8.6 kHz), cutoff (-6 dB) midway at 7.675 kHz;
 * - 60 dB stop-band attenuation (Kaiser beta 5.65), hence pass-band ripple about +-0.001 (+-0.009 dB);
 * - span (A - 7.95) / (2.285 * 2 pi * transition) = 1.96 ms of the input, rounded up to a multiple of 4 taps per
 *   phase: 32 at 8 and 11.025 kHz, 44 at 22.05 kHz, 48 at 24 kHz, 64 at 32 kHz (44.1 and 48 kHz are first halved by
 *   halfband.ts, then use the 22.05 / 24 kHz tables; taken directly they would need 88 / 96).
 * Why these edges: librosa's kaiser_best (resampy) is flat to 6.8 kHz and -6 dB at 7.34 kHz; scipy's resample_poly
 * is -6 dB at 8 kHz with a 2.6 kHz wide transition. This response lies between the two from 6.8 to 8.6 kHz, so the
 * output stays within the band those two references differ by (see resample.test.ts), and still removes everything
 * from 8.6 kHz up by 60 dB, which resample_poly (about 55 dB, from 9.3 kHz) does not.
 */

export const PASS_EDGE = 0.84375;
export const STOP_EDGE = 1.075;
export const STOP_BAND_ATTENUATION_DB = 60;

export interface PhaseTable {
  /** Taps per phase, a multiple of 4 (the dot product is unrolled by 4). */
  taps: number;
  phases: number;
  /** Row p (taps coefficients) holds the filter for an output that falls p / phases of an input sample past its base. */
  coefficients: Float32Array;
}

/**
 * Coefficients for `phases` evenly spaced fractional positions mu = p / phases, p = 0..rows-1 (rows = phases, or
 * phases + 1 to include mu = 1 for interpolation between rows). Tap k of a row weighs input sample base - taps/2 + 1 + k
 * for an output at time base + mu (in input samples). Each row is normalised to sum 1, so DC passes exactly at
 * every phase.
 */
export function phaseTable(fromRate: number, toRate: number, phases: number, rows = phases): PhaseTable {
  const nyquist = Math.min(fromRate, toRate) / 2;
  const transitionHz = (STOP_EDGE - PASS_EDGE) * nyquist;
  const cutoff = ((PASS_EDGE + STOP_EDGE) / 2) * nyquist / fromRate; // cycles per input sample
  const taps = Math.ceil(kaiserLength(STOP_BAND_ATTENUATION_DB, transitionHz / fromRate) / 4) * 4;
  const halfWidth = taps / 2;
  const coefficients = new Float32Array(rows * taps);
  const row = new Float64Array(taps);
  for (let p = 0; p < rows; p++) {
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const t = p / phases + halfWidth - 1 - k;
      row[k] = 2 * cutoff * sinc(2 * cutoff * t) * kaiserWindow(t / halfWidth, STOP_BAND_ATTENUATION_DB);
      sum += row[k];
    }
    for (let k = 0; k < taps; k++) coefficients[p * taps + k] = row[k] / sum;
  }
  return { taps, phases, coefficients };
}
