/** Test signals and their measurement, for filter tests. */

export function tone(rate: number, hz: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Least-squares amplitude of a sinusoid of frequency hz in y, away from the edges where filters see zeros. */
export function toneAmplitude(y: Float32Array, rate: number, hz: number, edge = 200): number {
  let cc = 0;
  let ss = 0;
  let cs = 0;
  let yc = 0;
  let ys = 0;
  for (let i = edge; i < y.length - edge; i++) {
    const c = Math.cos((2 * Math.PI * hz * i) / rate);
    const s = Math.sin((2 * Math.PI * hz * i) / rate);
    cc += c * c;
    ss += s * s;
    cs += c * s;
    yc += y[i] * c;
    ys += y[i] * s;
  }
  const det = cc * ss - cs * cs;
  return Math.hypot((yc * ss - ys * cs) / det, (ys * cc - yc * cs) / det);
}

/** Peak level of a sinusoidal signal (sqrt 2 * RMS) away from the edges, in dB relative to `reference`. */
export function levelDb(y: Float32Array, reference: number, edge = 200): number {
  let sum = 0;
  for (let i = edge; i < y.length - edge; i++) sum += y[i] * y[i];
  return 20 * Math.log10(Math.sqrt((2 * sum) / (y.length - 2 * edge)) / reference);
}

export const db = (ratio: number) => 20 * Math.log10(ratio);
