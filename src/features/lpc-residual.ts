import type { Samples } from "./frames";

/** Linear-prediction analysis of one frame: order, frame length and the frame's window (length frameLength). */
export interface LpcParams {
  readonly order: number;
  readonly frameLength: number;
  readonly window: ArrayLike<number>;
}

/** What `lpcResidualFrame` writes. */
export interface LpcResidual {
  /** ln of the residual's kurtosis (E[e^4] / E[e^2]^2): about ln 3 for Gaussian-like excitation, higher for pulses. */
  logKurtosis: number;
  /** ln of residual energy over signal energy (<= 0): how much of the frame a short-term predictor explains. */
  logPredictionGain: number;
  /** |E[e^3]| / E[e^2]^1.5: how one-sided the excitation pulses are, whatever the recording's polarity. */
  absSkewness: number;
  /** ln(max |e| / rms(e)): the largest pulse against the residual's level. */
  logCrest: number;
}

/** Reused buffers of one analysis, so that frames allocate nothing. */
/** Plain arrays of doubles: V8 bounds-checks every typed-array access, and these loops are the frame's cost. */
export interface LpcScratch {
  readonly frame: number[];
  readonly residual: number[];
  readonly autocorrelation: number[];
  readonly coefficients: number[];
  readonly previous: number[];
}

export function lpcScratch({ order, frameLength }: Pick<LpcParams, "order" | "frameLength">): LpcScratch {
  // Filled with a non-integer so that V8 stores them as unboxed doubles from the start.
  const doubles = (n: number) => Array.from({ length: n }, () => 0.5);
  return {
    frame: doubles(frameLength),
    residual: doubles(frameLength),
    autocorrelation: doubles(order + 1),
    coefficients: doubles(order + 1),
    previous: doubles(order + 1),
  };
}

/** Below this frame energy (sum of squared windowed samples) there is nothing to predict: both values are 0. */
const SILENT_FRAME_ENERGY = 1e-12;
/** White-noise correction of the autocorrelation's lag 0, so that the recursion stays stable on pure tones. */
const LAG0_CORRECTION = 1 + 1e-6;

/**
 * Statistics of the linear-prediction residual of the frame of `signal` starting at `start` (zeros outside the
 * signal), windowed: autocorrelation method, Levinson-Durbin recursion, then the residual
 * e[n] = x[n] - sum_k a_k x[n - k] over n = order .. frameLength - 1 (where the predictor sees a full history).
 *
 * Why: a vocal tract driven by glottal pulses leaves a peaky residual, while many vocoders excite their filters
 * with noise or with smoother, band-limited pulse shapes; the spectral envelope features cannot see this.
 */
export function lpcResidualFrame(
  signal: Samples,
  start: number,
  { order, frameLength, window }: LpcParams,
  scratch: LpcScratch,
  out: LpcResidual,
): void {
  const { frame, residual, autocorrelation: r, coefficients: a, previous } = scratch;
  const n = signal.length;
  for (let i = 0; i < frameLength; i++) {
    const s = start + i;
    frame[i] = s >= 0 && s < n ? signal[s] * window[i] : 0;
  }
  autocorrelate(frame, frameLength, order, r);
  if (!(r[0] > SILENT_FRAME_ENERGY)) {
    out.logKurtosis = 0;
    out.logPredictionGain = 0;
    out.absSkewness = 0;
    out.logCrest = 0;
    return;
  }
  levinsonDurbin(r, order, a, previous);
  let residualSquares = 0;
  let residualCubes = 0;
  let residualFourth = 0;
  let residualPeakSquare = 0;
  let signalSquares = 0;
  // Four outputs at a time, each summed in the order of k as one at a time would (the same numbers, fewer loads).
  let i = order;
  for (; i + 3 < frameLength; i += 4) {
    let e0 = frame[i];
    let e1 = frame[i + 1];
    let e2 = frame[i + 2];
    let e3 = frame[i + 3];
    for (let k = 1; k <= order; k++) {
      const ak = a[k];
      e0 -= ak * frame[i - k];
      e1 -= ak * frame[i + 1 - k];
      e2 -= ak * frame[i + 2 - k];
      e3 -= ak * frame[i + 3 - k];
    }
    residual[i] = e0;
    residual[i + 1] = e1;
    residual[i + 2] = e2;
    residual[i + 3] = e3;
  }
  for (; i < frameLength; i++) {
    let e = frame[i];
    for (let k = 1; k <= order; k++) e -= a[k] * frame[i - k];
    residual[i] = e;
  }
  for (let j = order; j < frameLength; j++) {
    const e = residual[j];
    const square = e * e;
    residualSquares += square;
    residualCubes += square * e;
    residualFourth += square * square;
    if (square > residualPeakSquare) residualPeakSquare = square;
    signalSquares += frame[j] * frame[j];
  }
  const count = frameLength - order;
  const m2 = residualSquares / count + 1e-20;
  out.logKurtosis = Math.log(residualFourth / count / (m2 * m2) + 1e-9);
  out.logPredictionGain = Math.log(m2 / (signalSquares / count + 1e-20) + 1e-20);
  out.absSkewness = Math.abs(residualCubes / count) / (m2 * Math.sqrt(m2));
  out.logCrest = 0.5 * Math.log(residualPeakSquare / m2 + 1e-20);
}

/**
 * r[k] = sum over i >= k of frame[i] frame[i - k], k = 0 .. order: four lags per pass over the frame, each summed in
 * increasing i as one lag at a time would (the same numbers, fewer loads).
 */
function autocorrelate(frame: number[], length: number, order: number, r: number[]): void {
  let k = 0;
  for (; k + 3 <= order; k += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    // The first terms of the longer lags, before all four run together from i = k + 3.
    for (let i = k; i < k + 3 && i < length; i++) {
      s0 += frame[i] * frame[i - k];
      if (i >= k + 1) s1 += frame[i] * frame[i - k - 1];
      if (i >= k + 2) s2 += frame[i] * frame[i - k - 2];
    }
    for (let i = k + 3; i < length; i++) {
      const x = frame[i];
      s0 += x * frame[i - k];
      s1 += x * frame[i - k - 1];
      s2 += x * frame[i - k - 2];
      s3 += x * frame[i - k - 3];
    }
    r[k] = s0;
    r[k + 1] = s1;
    r[k + 2] = s2;
    r[k + 3] = s3;
  }
  for (; k <= order; k++) {
    let sum = 0;
    for (let i = k; i < length; i++) sum += frame[i] * frame[i - k];
    r[k] = sum;
  }
}

/**
 * Predictor coefficients a[1..order] (a[0] unused) minimising the prediction error for autocorrelation r[0..order]
 * (r[0] corrected by LAG0_CORRECTION here, not in r). `previous` is scratch of the same length.
 */
function levinsonDurbin(r: number[], order: number, a: number[], previous: number[]): void {
  a.fill(0);
  let error = r[0] * LAG0_CORRECTION;
  for (let i = 1; i <= order; i++) {
    let acc = r[i];
    for (let k = 1; k < i; k++) acc -= a[k] * r[i - k];
    const reflection = acc / error;
    for (let k = 1; k < i; k++) previous[k] = a[k];
    a[i] = reflection;
    for (let k = 1; k < i; k++) a[k] = previous[k] - reflection * previous[i - k];
    error *= 1 - reflection * reflection;
    if (!(error > 0)) break;
  }
}
