/** Scales a signal by `db` decibels (recording level is a matter of the channel, not of synthesis). */
export function applyGain(samples: Float32Array, db: number): Float32Array {
  const factor = 10 ** (db / 20);
  return samples.map((x) => x * factor);
}
