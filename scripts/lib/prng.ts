/**
 * Seeded randomness for training: every learner takes a seed and draws only from these functions, so the same
 * data and seed give the same model on every machine.
 */

/** A source of uniform numbers in [0, 1), multiples of 2^-32. */
export type Random = () => number;

/** Tommy Ettinger's mulberry32: a 32-bit state, period 2^32, good enough for sampling and shuffling. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** A fresh uint32 seed, e.g. one per tree, drawn from a parent stream. */
export function randomSeed(random: Random): number {
  return Math.floor(random() * 4294967296);
}

/** A standard normal deviate (Box-Muller, one of the pair). */
export function randomNormal(random: Random): number {
  const u = 1 - random(); // in (0, 1]: log stays finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

interface Swappable<T> {
  length: number;
  [index: number]: T;
}

/** Fisher-Yates: shuffles `items` in place uniformly and returns it. */
export function shuffle<T, A extends Swappable<T>>(random: Random, items: A): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const kept = items[i];
    items[i] = items[j];
    items[j] = kept;
  }
  return items;
}

/** k distinct integers of [0, n), in the order drawn (a partial Fisher-Yates over 0..n-1). */
export function sampleWithoutReplacement(random: Random, n: number, k: number): Int32Array {
  if (!(k >= 0 && k <= n)) throw new RangeError(`cannot draw ${k} distinct values from ${n}`);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(random, n - i);
    const kept = pool[i];
    pool[i] = pool[j];
    pool[j] = kept;
  }
  return pool.slice(0, k);
}
