/**
 * Calibration: a monotone map from a forest's raw score (see `predictRaw`) to a probability in [0, 1].
 *
 * It is stored inside the model binary rather than in the JSON model card, so one artifact (and one sha256) fixes
 * the whole function from feature vector to probability_fake: a card and a binary from different training runs can
 * never be paired by mistake. Parameters are float32, like everything else in the binary; the fitting code rounds
 * them with `Math.fround` so that the in-memory calibration and the compiled one agree exactly.
 */
export type Calibration =
  | { kind: "none" }
  /** probability = 1 / (1 + exp(-(a * raw + b))). */
  | { kind: "platt"; a: number; b: number }
  /**
   * Piecewise-linear through the breakpoints (x strictly increasing, y non-decreasing, both in float32), clamped
   * to y[0] below x[0] and to y[last] above x[last], as scikit-learn's IsotonicRegression predicts.
   */
  | { kind: "isotonic"; x: Float32Array; y: Float32Array };

export const NO_CALIBRATION: Calibration = { kind: "none" };

/** The logistic function, written so that large |z| neither overflows nor loses the tail. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Maps a raw score to a probability; `uncalibrated` is what to return when there is no calibration. */
export function applyCalibration(calibration: Calibration, raw: number, uncalibrated: number): number {
  switch (calibration.kind) {
    case "none":
      return uncalibrated;
    case "platt":
      return sigmoid(calibration.a * raw + calibration.b);
    case "isotonic":
      return interpolateIsotonic(calibration.x, calibration.y, raw);
  }
}

function interpolateIsotonic(x: Float32Array, y: Float32Array, raw: number): number {
  const last = x.length - 1;
  if (!(raw > x[0])) return y[0]; // also NaN: the lowest probability, never NaN
  if (raw >= x[last]) return y[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (x[mid] <= raw) lo = mid;
    else hi = mid;
  }
  const t = (raw - x[lo]) / (x[hi] - x[lo]);
  return y[lo] + t * (y[hi] - y[lo]);
}

/** Throws unless the calibration is well formed (finite, sorted, probabilities in [0, 1]); returns it. */
export function checkCalibration(calibration: Calibration): Calibration {
  const fail = (why: string): never => {
    throw new RangeError(`invalid ${calibration.kind} calibration: ${why}`);
  };
  if (calibration.kind === "platt") {
    if (!Number.isFinite(calibration.a) || !Number.isFinite(calibration.b)) fail("a and b must be finite");
  } else if (calibration.kind === "isotonic") {
    const { x, y } = calibration;
    if (x.length === 0 || x.length !== y.length) fail("needs as many y as x breakpoints, at least one");
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) fail(`x[${i}] is not finite`);
      if (!(y[i] >= 0 && y[i] <= 1)) fail(`y[${i}] is outside [0, 1]`);
      if (i > 0 && !(x[i] > x[i - 1])) fail(`x is not strictly increasing at ${i}`);
      if (i > 0 && !(y[i] >= y[i - 1])) fail(`y decreases at ${i}`);
    }
  }
  return calibration;
}
