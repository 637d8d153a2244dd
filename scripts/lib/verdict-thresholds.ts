/**
 * Choosing the verdict thresholds (src/model/verdict.ts) from validation scores, each for a target error rate
 * on its own side:
 *
 * - thresholds.fake is the lowest threshold t such that at most floor(maxRealCalledFake * nReal) real clips
 *   score >= t: the float64 just above the (k+1)-th highest real score, k being that allowance.
 * - thresholds.real is the highest threshold t such that at most floor(maxFakeCalledReal * nFake) fake clips
 *   score <= t: the float64 just below the (k+1)-th lowest fake score.
 * - When the two cross (the classes separate well enough that both targets leave no room between), any cut
 *   between those two scores meets both targets: fake is their midpoint and real the float64 just below it,
 *   so nothing is uncertain.
 */
import type { Thresholds } from "../../src/detector/types";

export interface VerdictTargets {
  /** Largest fraction of real validation clips that may be called fake (e.g. 0.05). */
  maxRealCalledFake: number;
  /** Largest fraction of fake validation clips that may be called real (e.g. 0.05). */
  maxFakeCalledReal: number;
}

export interface VerdictChoice {
  thresholds: Thresholds;
  /** On the validation scores: real clips called fake, fake clips called real, and clips of each class left uncertain. */
  realCalledFake: number;
  fakeCalledReal: number;
  realUncertain: number;
  fakeUncertain: number;
}

const bits = new Float64Array(1);
const integer = new BigInt64Array(bits.buffer);

/** The next float64 above x (x finite). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  integer[0] += x > 0 ? 1n : -1n;
  return bits[0];
}

const nextDown = (x: number) => -nextUp(-x);

export function chooseVerdictThresholds(scores: ArrayLike<number>, labels: Uint8Array, targets: VerdictTargets): VerdictChoice {
  const real: number[] = [];
  const fake: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isFinite(scores[i])) throw new RangeError(`score ${scores[i]} at row ${i} is not finite`);
    (labels[i] ? fake : real).push(scores[i]);
  }
  if (real.length === 0 || fake.length === 0) throw new RangeError("thresholds need validation scores of both classes");
  for (const target of [targets.maxRealCalledFake, targets.maxFakeCalledReal]) {
    if (!(target >= 0 && target < 1)) throw new RangeError(`target error rate ${target} is not in [0, 1)`);
  }
  real.sort((a, b) => b - a);
  fake.sort((a, b) => a - b);
  const highestAllowedReal = real[Math.floor(targets.maxRealCalledFake * real.length)];
  const lowestAllowedFake = fake[Math.floor(targets.maxFakeCalledReal * fake.length)];
  let thresholds = { fake: nextUp(highestAllowedReal), real: nextDown(lowestAllowedFake) };
  if (thresholds.real >= thresholds.fake) {
    const middle = (highestAllowedReal + lowestAllowedFake) / 2;
    const fakeThreshold = middle > highestAllowedReal ? middle : nextUp(highestAllowedReal);
    thresholds = { fake: fakeThreshold, real: nextDown(fakeThreshold) };
  }
  const share = (list: number[], test: (s: number) => boolean) => list.filter(test).length / list.length;
  return {
    thresholds,
    realCalledFake: share(real, (s) => s >= thresholds.fake),
    fakeCalledReal: share(fake, (s) => s <= thresholds.real),
    realUncertain: share(real, (s) => s > thresholds.real && s < thresholds.fake),
    fakeUncertain: share(fake, (s) => s > thresholds.real && s < thresholds.fake),
  };
}
