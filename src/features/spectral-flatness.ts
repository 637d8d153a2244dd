import type { FrameMatrix } from "./frames";

// The logarithms are most of this feature's cost, so powers are multiplied together and one logarithm is taken
// when the product leaves [2^-800, 2^800]: for powers in [1e-38, 1e60] the next product then still fits in
// float64, and a speech frame needs a logarithm every few dozen bins instead of one per bin.
export const PRODUCT_LIMIT = 2 ** 800;

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
  let product = 1;
  for (let k = start; k < end; k++) {
    const p = Math.max(amin, power[k]);
    sum += p;
    product *= p;
    if (product > PRODUCT_LIMIT || product < 1 / PRODUCT_LIMIT) {
      logSum += Math.log(product);
      product = 1;
    }
  }
  logSum += Math.log(product);
  const n = end - start;
  return Math.exp(logSum / n) / (sum / n);
}
