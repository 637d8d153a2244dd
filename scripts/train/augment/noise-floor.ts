import type { Random } from "../../lib/prng";
import { randomNormal } from "../../lib/prng";
import { addWhiteNoise } from "../../dataset/channel";

export type NoiseColour = "white" | "pink";

/**
 * Gaussian pink (1/f) noise of unit RMS: white noise through Paul Kellet's economy filter (three first-order
 * sections, within 0.5 dB of -3 dB/octave over the speech band).
 */
export function pinkNoise(n: number, random: Random): Float32Array {
  const out = new Float32Array(n);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let energy = 0;
  for (let i = 0; i < n; i++) {
    const white = randomNormal(random);
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    out[i] = b0 + b1 + b2 + white * 0.1848;
    energy += out[i] * out[i];
  }
  const scale = energy > 0 ? 1 / Math.sqrt(energy / n) : 0;
  for (let i = 0; i < n; i++) out[i] *= scale;
  return out;
}

/**
 * A noise floor `snrDb` below the clip's RMS: white (uniform, scripts/dataset/channel.ts) or pink. It also fills
 * digital silence, which otherwise tells synthetic engines from recordings.
 */
export function addNoiseFloor(samples: Float32Array, colour: NoiseColour, snrDb: number, random: Random): Float32Array {
  if (colour === "white") return addWhiteNoise(samples, snrDb, random);
  let energy = 0;
  for (const x of samples) energy += x * x;
  const level = Math.sqrt(energy / Math.max(1, samples.length)) * 10 ** (-snrDb / 20);
  const noise = pinkNoise(samples.length, random);
  return samples.map((x, i) => x + level * noise[i]);
}
