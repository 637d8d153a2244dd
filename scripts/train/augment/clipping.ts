/** Hard clipping at `fraction` of the signal's peak: an overdriven input stage. */
export function clipAtFractionOfPeak(samples: Float32Array, fraction: number): Float32Array {
  let peak = 0;
  for (const x of samples) peak = Math.max(peak, Math.abs(x));
  const level = peak * fraction;
  return samples.map((x) => Math.min(level, Math.max(-level, x)));
}
