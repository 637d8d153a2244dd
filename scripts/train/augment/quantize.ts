/**
 * What writing a 16-bit PCM file does to a signal: rounding to the 1/32768 grid and saturation at full scale.
 * Every augmented copy ends with it, as every published clip was stored this way.
 */
export function quantize16(samples: Float32Array): Float32Array {
  return samples.map((x) => Math.min(32767, Math.max(-32768, Math.round(x * 32768))) / 32768);
}
