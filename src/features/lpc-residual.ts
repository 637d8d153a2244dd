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
}

/** Reused buffers of one analysis, so that frames allocate nothing. */
/** Plain arrays of doubles: V8 bounds-checks every typed-array access, and these loops are the frame's cost. */
export interface LpcScratch {
  readonly frame: number[];
  readonly autocorrelation: number[];
  readonly coefficients: number[];
  readonly previous: number[];
}

export function lpcScratch({ order, frameLength }: Pick<LpcParams, "order" | "frameLength">): LpcScratch {
  // Filled with a non-integer so that V8 stores them as unboxed doubles from the start.
  const doubles = (n: number) => Array.from({ length: n }, () => 0.5);
  return {
    frame: doubles(frameLength),
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
  const { frame, autocorrelation: r, coefficients: a, previous } = scratch;
  const n = signal.length;
  for (let i = 0; i < frameLength; i++) {
    const s = start + i;
    frame[i] = s >= 0 && s < n ? signal[s] * window[i] : 0;
  }
  for (let k = 0; k <= order; k++) {
    let sum = 0;
    for (let i = k; i < frameLength; i++) sum += frame[i] * frame[i - k];
    r[k] = sum;
  }
  if (!(r[0] > SILENT_FRAME_ENERGY)) {
    out.logKurtosis = 0;
    out.logPredictionGain = 0;
    return;
  }
  levinsonDurbin(r, order, a, previous);
  let residualSquares = 0;
  let residualFourth = 0;
  let signalSquares = 0;
  for (let i = order; i < frameLength; i++) {
    let e = frame[i];
    for (let k = 1; k <= order; k++) e -= a[k] * frame[i - k];
    const e2 = e * e;
    residualSquares += e2;
    residualFourth += e2 * e2;
    signalSquares += frame[i] * frame[i];
  }
  const count = frameLength - order;
  const m2 = residualSquares / count + 1e-20;
  out.logKurtosis = Math.log(residualFourth / count / (m2 * m2) + 1e-9);
  out.logPredictionGain = Math.log(m2 / (signalSquares / count + 1e-20) + 1e-20);
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
