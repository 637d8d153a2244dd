import { decimatedSource, type Halfband, halfband } from "./halfband";
import { type PhaseTable, phaseTable, STOP_EDGE } from "./resample-filter";
import { arraySource, readRange, type SampleSource } from "./sample-source";
import { scratchSpan } from "./zero-padded";

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
  validRates(fromRate, toRate);
  return fromRate === toRate ? x : resampleSource(arraySource(x), fromRate, toRate);
}

/** Samples [start, end) of a signal's resampled output. */
export interface OutputRange {
  readonly start: number;
  readonly end: number;
}

/** The number of samples resample() gives for `length` input samples. */
export function resampledLength(length: number, fromRate: number, toRate: number): number {
  return Math.ceil((length * toRate) / fromRate);
}

/**
 * resample() of a signal read block by block: the half-band stages compute their outputs as the polyphase stage
 * reads them, so memory is the output and a few blocks, whatever the input's rate. The output is identical.
 * With `range`, only those outputs are computed (each output depends only on its position), reading only the
 * input around them: an excerpt of a long file costs the excerpt, not the file.
 */
export function resampleSource(x: SampleSource, fromRate: number, toRate: number, range?: OutputRange): Float32Array {
  validRates(fromRate, toRate);
  const outLength = resampledLength(x.length, fromRate, toRate);
  const { start, end } = range ?? { start: 0, end: outLength };
  if (!(0 <= start && start <= end && end <= outLength)) {
    throw new RangeError(`resample: outputs [${start}, ${end}) are outside [0, ${outLength})`);
  }
  if (fromRate === toRate) return readRange(x, start, end);
  const plan = cachedPlan(fromRate, toRate);
  const decimated = plan.halvings.reduce(decimatedSource, x);
  return plan.up <= MAX_EXACT_PHASES
    ? resampleExact(decimated, plan, start, end)
    : resampleInterpolated(decimated, plan, start, end);
}

function validRates(...rates: number[]): void {
  for (const rate of rates) {
    if (!Number.isSafeInteger(rate) || rate <= 0) throw new RangeError(`resample: rates must be positive integers`);
  }
}

const MAX_EXACT_PHASES = 1024;
const INTERPOLATED_PHASES = 256;
/** Outputs computed per block, from one zero-padded window of their inputs (see zero-padded.ts). */
const BLOCK_OUTPUTS = 1024;

/**
 * Output i is the dot product of phase row (i * down) mod up with the inputs from floor(i * down / up) + 1 - taps/2
 * on (the input taken as zero outside the signal).
 */
function resampleExact(x: SampleSource, plan: Plan, outStart: number, outEnd: number): Float32Array {
  const { up, down, table, rows } = plan;
  const { taps } = table;
  const out = new Float32Array(outEnd - outStart);
  const span = scratchSpan(Math.ceil((BLOCK_OUTPUTS * down) / up) + taps + 1);
  const wholeStep = Math.floor(down / up);
  const phaseStep = down % up;
  for (let first = outStart; first < outEnd; first += BLOCK_OUTPUTS) {
    const end = Math.min(outEnd, first + BLOCK_OUTPUTS);
    const firstBase = Math.floor((first * down) / up);
    x.read(firstBase + 1 - taps / 2, Math.floor(((end - 1) * down) / up) - firstBase + taps, span);
    for (let i = first, base = 0, phase = (first * down) % up; i < end; i++) {
      out[i - outStart] = dot(span, base, rows, phase * taps, taps);
      base += wholeStep;
      phase += phaseStep;
      if (phase >= up) {
        phase -= up;
        base++;
      }
    }
  }
  return out;
}

function resampleInterpolated(x: SampleSource, plan: Plan, outStart: number, outEnd: number): Float32Array {
  const { up, down, table, rows } = plan;
  const { taps, phases } = table;
  const out = new Float32Array(outEnd - outStart);
  const span = scratchSpan(Math.ceil((BLOCK_OUTPUTS * down) / up) + taps + 1);
  for (let first = outStart; first < outEnd; first += BLOCK_OUTPUTS) {
    const end = Math.min(outEnd, first + BLOCK_OUTPUTS);
    const firstBase = Math.floor((first * down) / up);
    x.read(firstBase + 1 - taps / 2, Math.floor(((end - 1) * down) / up) - firstBase + taps, span);
    for (let i = first; i < end; i++) {
      // Exact integer arithmetic: i * down < 2^53 for any input that fits in memory.
      const base = Math.floor((i * down) / up) - firstBase;
      const position = (((i * down) % up) / up) * phases;
      const row = Math.floor(position);
      const weight = position - row;
      const lower = dot(span, base, rows, row * taps, taps);
      const upper = dot(span, base, rows, (row + 1) * taps, taps);
      out[i - outStart] = lower + weight * (upper - lower);
    }
  }
  return out;
}

/** sum over k < taps of x[xStart + k] * h[hStart + k]; taps is a multiple of 4. */
function dot(x: number[], xStart: number, h: number[], hStart: number, taps: number): number {
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
  /** The table's coefficients as a plain array, for the inner loops (see zero-padded.ts). */
  rows: number[];
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
  return { halvings, up, down, table, rows: Array.from(table.coefficients) };
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
