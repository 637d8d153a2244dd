/** Adds a constant `offset` (full scale 1) to every sample, as a cheap converter or a biased microphone does. */
export function addDcOffset(samples: Float32Array, offset: number): Float32Array {
  return samples.map((x) => x + offset);
}
