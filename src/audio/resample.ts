import { decimateByTwo, type Halfband, halfband } from "./halfband";
import { type PhaseTable, phaseTable, STOP_EDGE } from "./resample-filter";

/**
 * Polyphase windowed-sinc resampling (filter design in resample-filter.ts), after cheap half-band decimations by two
 * while the rate stays above 4x the final stop-band edge (44.1 -> 22.05 kHz, 48 -> 24 kHz, 96 -> 48 -> 24 kHz when
 * converting to 16 kHz): the polyphase filter's taps per output scale with its input rate, so this halves its cost.
 *
 * The ratio toRate / fromRate reduces to up / down; output i sits at input time i * down / up, i.e. at phase
 * (i * down) mod up of input sample floor(i * down / up), and is the dot product of one precomputed phase row with
 * the input around it. Ratios with at most MAX_EXACT_PHASES phases (every common rate to 16 kHz: 44.1 kHz has 160,
 * 22.05 kHz 320, 11.025 kHz 640) use exact rows; any other ratio interpolates linearly between the two nearest of
 * INTERPOLATED_PHASES + 1 rows, so tables stay small for any pair of rates. Samples outside the input count as zero.
 *
 * The output has ceil(n * toRate / fromRate) samples, as librosa.load returns (it zero-pads resampy's floor length).
 */
export function resample(x: Float32Array, fromRate: number, toRate: number): Float32Array {
  for (const rate of [fromRate, toRate]) {
    if (!Number.isSafeInteger(rate) || rate <= 0) throw new RangeError(`resample: rates must be positive integers`);
  }
  if (fromRate === toRate) return x;
  const outLength = Math.ceil((x.length * toRate) / fromRate);
  const plan = cachedPlan(fromRate, toRate);
  const decimated = plan.halvings.reduce(decimateByTwo, x);
  const { table, up, down } = plan;
  const padded = new Float32Array(decimated.length + table.taps + 1);
  padded.set(decimated, table.taps / 2);
  return up <= MAX_EXACT_PHASES
    ? resampleExact(padded, table, up, down, outLength)
    : resampleInterpolated(padded, table, up, down, outLength);
}

const MAX_EXACT_PHASES = 1024;
const INTERPOLATED_PHASES = 256;

function resampleExact(padded: Float32Array, table: PhaseTable, up: number, down: number, outLength: number) {
  const out = new Float32Array(outLength);
  const { taps, coefficients } = table;
  const wholeStep = Math.floor(down / up);
  const phaseStep = down % up;
  for (let i = 0, base = 0, phase = 0; i < outLength; i++) {
    out[i] = dot(padded, base + 1, coefficients, phase * taps, taps);
    base += wholeStep;
    phase += phaseStep;
    if (phase >= up) {
      phase -= up;
      base++;
    }
  }
  return out;
}

function resampleInterpolated(padded: Float32Array, table: PhaseTable, up: number, down: number, outLength: number) {
  const out = new Float32Array(outLength);
  const { taps, phases, coefficients } = table;
  for (let i = 0; i < outLength; i++) {
    // Exact integer arithmetic: i * down < 2^53 for any input that fits in memory.
    const base = Math.floor((i * down) / up);
    const position = (((i * down) % up) / up) * phases;
    const row = Math.floor(position);
    const weight = position - row;
    const lower = dot(padded, base + 1, coefficients, row * taps, taps);
    const upper = dot(padded, base + 1, coefficients, (row + 1) * taps, taps);
    out[i] = lower + weight * (upper - lower);
  }
  return out;
}

/** sum over k < taps of x[xStart + k] * h[hStart + k]; taps is a multiple of 4. */
function dot(x: Float32Array, xStart: number, h: Float32Array, hStart: number, taps: number): number {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  for (let k = 0, xi = xStart, hi = hStart; k < taps; k += 4, xi += 4, hi += 4) {
    a0 += x[xi] * h[hi];
    a1 += x[xi + 1] * h[hi + 1];
    a2 += x[xi + 2] * h[hi + 2];
    a3 += x[xi + 3] * h[hi + 3];
  }
  return a0 + a1 + a2 + a3;
}

interface Plan {
  halvings: Halfband[];
  /** The ratio of the polyphase stage, from the rate after the halvings to toRate, in lowest terms. */
  up: number;
  down: number;
  table: PhaseTable;
}

function makePlan(fromRate: number, toRate: number): Plan {
  const keepHz = (STOP_EDGE * toRate) / 2;
  const halvings: Halfband[] = [];
  let rate = fromRate;
  while (keepHz < rate / 4 && Number.isInteger(rate / 2)) {
    halvings.push(halfband(rate, keepHz));
    rate /= 2;
  }
  const divisor = gcd(rate, toRate);
  const up = toRate / divisor;
  const down = rate / divisor;
  const table =
    up <= MAX_EXACT_PHASES
      ? phaseTable(rate, toRate, up)
      : phaseTable(rate, toRate, INTERPOLATED_PHASES, INTERPOLATED_PHASES + 1);
  return { halvings, up, down, table };
}

/** Plans per (fromRate, toRate); a few are kept, so hostile uploads cycling through rates cannot grow memory. */
const PLAN_CACHE_SIZE = 8;
const planCache = new Map<string, Plan>();

function cachedPlan(fromRate: number, toRate: number): Plan {
  const key = `${fromRate}:${toRate}`;
  let plan = planCache.get(key);
  if (!plan) {
    plan = makePlan(fromRate, toRate);
    if (planCache.size >= PLAN_CACHE_SIZE) planCache.delete(planCache.keys().next().value!);
    planCache.set(key, plan);
  }
  return plan;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
