import type { FrameMatrix } from "./frames";

const dctMatrices = new Map<string, Float64Array>();

/**
 * librosa `mfcc(S=mel_db, n_mfcc, dct_type=2, norm="ortho", lifter=0)`: the first nMfcc coefficients of the
 * orthonormal DCT-II of each frame's log-mel values, c_k = s_k sum_n x_n cos(pi k (2n + 1) / 2N) with
 * s_0 = sqrt(1/N), s_k = sqrt(2/N). Input is `powerToDb` of a mel spectrogram; output frame-major [T][nMfcc].
 * The cosines are (anti)symmetric about the middle band (cos for n and N-1-n differ by (-1)^k), so even k use
 * x_n + x_{N-1-n} and odd k use x_n - x_{N-1-n}: half the multiply-adds.
 */
export function mfcc(melDb: FrameMatrix, nMfcc: number): FrameMatrix {
  const nMels = melDb.nRows;
  if (!(nMfcc >= 1 && nMfcc <= nMels)) throw new RangeError(`nMfcc ${nMfcc} not in [1, ${nMels}]`);
  const folded = Math.ceil(nMels / 2); // pairs, plus the middle band when nMels is odd
  const basis = foldedDctBasis(nMfcc, nMels);
  const sums = new Float64Array(folded);
  const differences = new Float64Array(folded);
  const data = new Float64Array(melDb.nFrames * nMfcc);
  const input = melDb.data;
  for (let t = 0; t < melDb.nFrames; t++) {
    const frameBase = t * nMels;
    for (let n = 0; n < folded; n++) {
      const a = input[frameBase + n];
      const b = input[frameBase + nMels - 1 - n];
      // The odd middle band pairs with itself: its sum counts it once, its difference is 0.
      sums[n] = 2 * n + 1 === nMels ? a : a + b;
      differences[n] = a - b;
    }
    for (let k = 0; k < nMfcc; k++) {
      const folding = k % 2 === 0 ? sums : differences;
      const basisBase = k * folded;
      let sum = 0;
      for (let n = 0; n < folded; n++) sum += basis[basisBase + n] * folding[n];
      data[t * nMfcc + k] = sum;
    }
  }
  return { data, nFrames: melDb.nFrames, nRows: nMfcc };
}

/** Orthonormal DCT-II rows 0..nMfcc-1 over the first ceil(nMels / 2) bands, row-major, built once per size. */
function foldedDctBasis(nMfcc: number, nMels: number): Float64Array {
  const key = `${nMfcc}/${nMels}`;
  let basis = dctMatrices.get(key);
  if (basis === undefined) {
    const folded = Math.ceil(nMels / 2);
    basis = new Float64Array(nMfcc * folded);
    for (let k = 0; k < nMfcc; k++) {
      const scale = Math.sqrt((k === 0 ? 1 : 2) / nMels);
      for (let n = 0; n < folded; n++) {
        basis[k * folded + n] = scale * Math.cos((Math.PI * k * (2 * n + 1)) / (2 * nMels));
      }
    }
    dctMatrices.set(key, basis);
  }
  return basis;
}
