/**
 * Kaiser-window FIR design helpers (Kaiser 1974 / Oppenheim & Schafer): a windowed sinc with stop-band attenuation
 * A dB and a transition band of width delta (in cycles per sample) needs (A - 7.95) / (2.285 * 2 pi * delta) taps
 * and the window parameter beta = 0.1102 (A - 8.7) (for A > 50).
 */

/** Filter length, in samples, for `attenuationDb` and a transition of `transition` cycles per sample. */
export function kaiserLength(attenuationDb: number, transition: number): number {
  return (attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transition);
}

/** Kaiser window with the beta for `attenuationDb` (> 50 dB), at r in [-1, 1] (0 outside). */
export function kaiserWindow(r: number, attenuationDb: number): number {
  const beta = 0.1102 * (attenuationDb - 8.7);
  return Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
}

export function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

/** Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta < 20). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; term > 1e-17 * sum; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}
