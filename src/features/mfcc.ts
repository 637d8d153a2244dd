import type { FrameMatrix } from "./frames";

const dctMatrices = new Map<string, Float64Array>();

/**
 * librosa `mfcc(S=mel_db, n_mfcc, dct_type=2, norm="ortho", lifter=0)`: the first nMfcc coefficients of the
 * orthonormal DCT-II of each frame's log-mel values, c_k = s_k sum_n x_n cos(pi k (2n + 1) / 2N) with
 * s_0 = sqrt(1/N), s_k = sqrt(2/N). Input is `powerToDb` of a mel spectrogram; output frame-major [T][nMfcc].
 */
export function mfcc(melDb: FrameMatrix, nMfcc: number): FrameMatrix {
  const nMels = melDb.nRows;
  if (!(nMfcc >= 1 && nMfcc <= nMels)) throw new RangeError(`nMfcc ${nMfcc} not in [1, ${nMels}]`);
  const basis = dctBasis(nMfcc, nMels);
  const data = new Float64Array(melDb.nFrames * nMfcc);
  const input = melDb.data;
  for (let t = 0; t < melDb.nFrames; t++) {
    const frameBase = t * nMels;
    for (let k = 0; k < nMfcc; k++) {
      const basisBase = k * nMels;
      let sum = 0;
      for (let n = 0; n < nMels; n++) sum += basis[basisBase + n] * input[frameBase + n];
      data[t * nMfcc + k] = sum;
    }
  }
  return { data, nFrames: melDb.nFrames, nRows: nMfcc };
}

/** Orthonormal DCT-II rows 0..nMfcc-1 for inputs of length nMels, row-major, built once per size. */
function dctBasis(nMfcc: number, nMels: number): Float64Array {
  const key = `${nMfcc}/${nMels}`;
  let basis = dctMatrices.get(key);
  if (basis === undefined) {
    basis = new Float64Array(nMfcc * nMels);
    for (let k = 0; k < nMfcc; k++) {
      const scale = Math.sqrt((k === 0 ? 1 : 2) / nMels);
      for (let n = 0; n < nMels; n++) {
        basis[k * nMels + n] = scale * Math.cos((Math.PI * k * (2 * n + 1)) / (2 * nMels));
      }
    }
    dctMatrices.set(key, basis);
  }
  return basis;
}
