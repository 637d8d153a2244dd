/**
 * Label-blind augmentation: one chain of channel effects per augmented copy, drawn from a seeded generator that
 * never sees the label, so real and fake clips go through the same distribution of conditions. Order: a noise
 * floor (the room or the converter), one transmission channel (band-limiting resampling round trip, G.711
 * telephone line, or MP3), the recording level, an overdriven input stage, a DC offset, then 16-bit storage.
 */
import type { CompandingLaw } from "../../../src/audio/g711";
import type { Random } from "../../lib/prng";
import { resampleRoundTrip } from "./band-limit";
import { clipAtFractionOfPeak } from "./clipping";
import { addDcOffset } from "./dc-offset";
import { applyGain } from "./gain";
import { mp3RoundTrip } from "./mp3";
import { type NoiseColour, addNoiseFloor } from "./noise-floor";
import { quantize16 } from "./quantize";
import { telephoneRoundTrip } from "./telephone";

export type Transmission =
  | { kind: "none" }
  | { kind: "resample"; viaRate: number }
  | { kind: "telephone"; law: CompandingLaw }
  | { kind: "mp3"; kbps: number };

export interface Chain {
  noise?: { colour: NoiseColour; snrDb: number };
  transmission: Transmission;
  gainDb: number;
  /** Clip at this fraction of the peak. */
  clipFraction?: number;
  dcOffset?: number;
}

/** The recipe, recorded in the model card: probabilities and ranges of every step. */
export const AUGMENTATION_RECIPE = {
  noiseFloor: { probability: 0.6, colours: ["white", "pink"], snrDb: [20, 60] },
  // Band-limiting (resampling through 8 or 11.025 kHz, or the telephone line) reaches 43% of the copies of either
  // class, so that narrow bandwidth, which marks most real sources of the data as stored, says little about the label.
  transmission: {
    none: 0.25,
    resample: { probability: 0.35, viaRates: [8000, 11025, 22050] },
    telephone: { probability: 0.2, laws: ["mulaw", "alaw"] },
    mp3: { probability: 0.2, kbps: [24, 32, 48, 64] },
  },
  gainDb: [-24, 6],
  clipping: { probability: 0.1, fractionOfPeak: [0.3, 0.8] },
  dcOffset: { probability: 0.15, magnitude: [0.002, 0.03] },
  storage: "16-bit PCM",
} as const;

const uniform = (random: Random, [low, high]: readonly [number, number]) => low + (high - low) * random();
const pickOne = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function drawChain(random: Random): Chain {
  const recipe = AUGMENTATION_RECIPE;
  const noise =
    random() < recipe.noiseFloor.probability
      ? { colour: pickOne(random, recipe.noiseFloor.colours), snrDb: round(uniform(random, recipe.noiseFloor.snrDb), 1) }
      : undefined;
  const t = recipe.transmission;
  const u = random();
  let transmission: Transmission = { kind: "none" };
  if (u >= t.none && u < t.none + t.resample.probability) transmission = { kind: "resample", viaRate: pickOne(random, t.resample.viaRates) };
  else if (u >= t.none + t.resample.probability && u < 1 - t.mp3.probability) transmission = { kind: "telephone", law: pickOne(random, t.telephone.laws) };
  else if (u >= 1 - t.mp3.probability) transmission = { kind: "mp3", kbps: pickOne(random, t.mp3.kbps) };
  const gainDb = round(uniform(random, recipe.gainDb), 1);
  const clipFraction = random() < recipe.clipping.probability ? round(uniform(random, recipe.clipping.fractionOfPeak), 2) : undefined;
  const dcOffset =
    random() < recipe.dcOffset.probability
      ? round((random() < 0.5 ? -1 : 1) * uniform(random, recipe.dcOffset.magnitude), 4)
      : undefined;
  return { noise, transmission, gainDb, clipFraction, dcOffset };
}

/** A short readable name, e.g. `pink42dB+mp3-32k+gain-7.5dB+clip0.6`. */
export function chainName(chain: Chain): string {
  const parts: string[] = [];
  if (chain.noise) parts.push(`${chain.noise.colour}${chain.noise.snrDb}dB`);
  const t = chain.transmission;
  if (t.kind === "resample") parts.push(`via${t.viaRate}`);
  if (t.kind === "telephone") parts.push(`${t.law}8k`);
  if (t.kind === "mp3") parts.push(`mp3-${t.kbps}k`);
  parts.push(`gain${chain.gainDb}dB`);
  if (chain.clipFraction !== undefined) parts.push(`clip${chain.clipFraction}`);
  if (chain.dcOffset !== undefined) parts.push(`dc${chain.dcOffset}`);
  return parts.join("+");
}

/** The lowest rate the chain passes the signal through, which bounds its bandwidth (Infinity if none). */
export function chainBandwidthRate(chain: Chain): number {
  const t = chain.transmission;
  if (t.kind === "resample") return t.viaRate;
  if (t.kind === "telephone") return 8000;
  return Infinity;
}

/** Applies the chain; `random` supplies the noise samples. */
export async function applyChain(samples: Float32Array, sampleRate: number, chain: Chain, random: Random): Promise<Float32Array> {
  let x = chain.noise ? addNoiseFloor(samples, chain.noise.colour, chain.noise.snrDb, random) : samples;
  const t = chain.transmission;
  if (t.kind === "resample") x = resampleRoundTrip(x, sampleRate, t.viaRate);
  else if (t.kind === "telephone") x = telephoneRoundTrip(x, sampleRate, t.law);
  else if (t.kind === "mp3") x = await mp3RoundTrip(x, sampleRate, t.kbps);
  x = applyGain(x, chain.gainDb);
  if (chain.clipFraction !== undefined) x = clipAtFractionOfPeak(x, chain.clipFraction);
  if (chain.dcOffset !== undefined) x = addDcOffset(x, chain.dcOffset);
  return quantize16(x);
}
