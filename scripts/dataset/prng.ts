/**
 * Seeded randomness exactly as SOURCES.md documents it: mulberry32 and a Fisher–Yates shuffle that runs from
 * the end of the list. Every selection in the build draws from a fresh generator so that one stage never
 * shifts another's draws.
 */

import { mulberry32, type Random } from "../lib/prng";

export { mulberry32, type Random };

/** A shuffled copy: for i from the last index down to 1, swap i with a uniform j in [0, i]. */
export function shuffleFromEnd<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/** Uniform number in [low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/** Uniform integer in [low, high] (both ends included). */
export function uniformInt(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** One element chosen uniformly. */
export function pick<T>(items: readonly T[], random: Random): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(random() * items.length)];
}

/**
 * The seed a stage uses: the documented seed when the run seed is 0 (the default), otherwise a mix of both,
 * so that `--seed N` moves every draw while keeping stages independent.
 */
export function stageSeed(documentedSeed: number, runSeed: number): number {
  if (runSeed === 0) return documentedSeed >>> 0;
  return (Math.imul(runSeed >>> 0, 0x9e3779b1) ^ documentedSeed) >>> 0;
}

/** A stable 32-bit hash of a string (FNV-1a), to derive per-item seeds from names rather than from order. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
