import type { FrameMatrix } from "./frames";

/**
 * librosa `mfcc(S=mel_db, n_mfcc, dct_type=2, norm="ortho", lifter=0)`: the first nMfcc coefficients of the
 * orthonormal DCT-II of each frame's log-mel values, c_k = s_k sum_n x_n cos(pi k (2n + 1) / 2N) with
 * s_0 = sqrt(1/N), s_k = sqrt(2/N). Input is `powerToDb` of a mel spectrogram; output frame-major [T][nMfcc].
 */
export function mfcc(melDb: FrameMatrix, nMfcc: number): FrameMatrix {
  const transform = mfccTransform(nMfcc, melDb.nRows);
  const data = new Float64Array(melDb.nFrames * nMfcc);
  for (let t = 0; t < melDb.nFrames; t++) mfccFrame(transform, melDb.data, t * melDb.nRows, data, t * nMfcc);
  return { data, nFrames: melDb.nFrames, nRows: nMfcc };
}

/**
 * The DCT of `mfcc` for one size. The cosines are (anti)symmetric about the middle band (cos for n and N-1-n
 * differ by (-1)^k), so even k use x_n + x_{N-1-n} and odd k use x_n - x_{N-1-n}: half the multiply-adds.
 */
export interface MfccTransform {
  readonly nMels: number;
  readonly nMfcc: number;
  /** ceil(nMels / 2): the pairs, plus the middle band when nMels is odd. */
  readonly folded: number;
  /**
   * Orthonormal DCT-II rows 0..nMfcc-1 over the first `folded` bands, row-major. This and the scratch are plain
   * arrays, not typed ones: V8 checks every typed-array element access, and they are read for every frame.
   */
  readonly basis: readonly number[];
  /** Scratch for one frame's folded sums and differences. */
  readonly sums: number[];
  readonly differences: number[];
}

const transforms = new Map<string, MfccTransform>();

/** The transform for nMfcc coefficients of nMels bands, built once per size. */
export function mfccTransform(nMfcc: number, nMels: number): MfccTransform {
  if (!(nMfcc >= 1 && nMfcc <= nMels)) throw new RangeError(`nMfcc ${nMfcc} not in [1, ${nMels}]`);
  const key = `${nMfcc}/${nMels}`;
  let transform = transforms.get(key);
  if (transform === undefined) {
    const folded = Math.ceil(nMels / 2);
    const basis = Array.from({ length: nMfcc * folded }, (_, i) => {
      const k = Math.floor(i / folded);
      const n = i % folded;
      return Math.sqrt((k === 0 ? 1 : 2) / nMels) * Math.cos((Math.PI * k * (2 * n + 1)) / (2 * nMels));
    });
    const scratch = () => Array.from({ length: folded }, () => 0.5); // doubles from the start
    transform = { nMels, nMfcc, folded, basis, sums: scratch(), differences: scratch() };
    transforms.set(key, transform);
  }
  return transform;
}

/** The nMfcc coefficients of the nMels dB values at melDb[base ...], written to out[outOffset ...]. */
export function mfccFrame(
  transform: MfccTransform,
  melDb: Float64Array,
  base: number,
  out: Float64Array,
  outOffset: number,
): void {
  const { nMels, nMfcc, folded, basis, sums, differences } = transform;
  for (let n = 0; n < folded; n++) {
    const a = melDb[base + n];
    const b = melDb[base + nMels - 1 - n];
    // The odd middle band pairs with itself: its sum counts it once, its difference is 0.
    sums[n] = 2 * n + 1 === nMels ? a : a + b;
    differences[n] = a - b;
  }
  // Coefficients k (even, from the sums) and k + 1 (odd, from the differences) in one loop: two independent
  // sums per step instead of one (measured a third faster; each sum still adds its terms in order).
  let k = 0;
  for (; k + 1 < nMfcc; k += 2) {
    const evenRow = k * folded;
    const oddRow = evenRow + folded;
    let even = 0;
    let odd = 0;
    for (let n = 0; n < folded; n++) {
      even += basis[evenRow + n] * sums[n];
      odd += basis[oddRow + n] * differences[n];
    }
    out[outOffset + k] = even;
    out[outOffset + k + 1] = odd;
  }
  if (k < nMfcc) {
    let even = 0;
    for (let n = 0; n < folded; n++) even += basis[k * folded + n] * sums[n];
    out[outOffset + k] = even;
  }
}
