import type { FrameMatrix } from "./frames";

// Products of this many values stay inside float64's range for powers in [1e-38, 1e38], so one logarithm per
// group replaces one per bin (the logarithms are most of this feature's cost).
const LOG_GROUP = 8;

/**
 * librosa `spectral_flatness(S=|X|, power=2.0, amin)`: with P = max(amin, |X|^2), exp(mean(log P)) / mean(P)
 * per frame; takes the power spectrogram. All-zero frames give 1 (librosa's float32 arithmetic gives 1.000001).
 * `bins` [lo, hi) restricts it to a band of the spectrum (the whole spectrum by default).
 */
export function spectralFlatness(
  power: FrameMatrix,
  amin: number,
  bins: readonly [number, number] = [0, power.nRows],
): Float64Array {
  if (!(amin >= 1e-38)) throw new RangeError(`amin ${amin} below 1e-38`);
  const { nFrames, nRows, data } = power;
  const [lo, hi] = bins;
  if (!(0 <= lo && lo < hi && hi <= nRows)) throw new RangeError(`bins [${lo}, ${hi}) outside [0, ${nRows})`);
  const flatness = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) flatness[t] = frameFlatness(data, t * nRows + lo, t * nRows + hi, amin);
  return flatness;
}

/** The flatness of the powers power[start .. end) of one frame (amin >= 1e-38, as spectralFlatness checks). */
export function frameFlatness(power: Float64Array, start: number, end: number, amin: number): number {
  let sum = 0;
  let logSum = 0;
  for (let k = start; k < end; k += LOG_GROUP) {
    const groupEnd = Math.min(k + LOG_GROUP, end);
    let product = 1;
    for (let j = k; j < groupEnd; j++) {
      const p = Math.max(amin, power[j]);
      sum += p;
      product *= p;
    }
    logSum += Math.log(product);
  }
  const n = end - start;
  return Math.exp(logSum / n) / (sum / n);
}
