import { type PhaseTable, phaseTable } from "./resample-filter";

/**
 * Polyphase windowed-sinc resampling (filter design in resample-filter.ts).
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
  const divisor = gcd(fromRate, toRate);
  const up = toRate / divisor;
  const down = fromRate / divisor;
  const outLength = Math.ceil((x.length * up) / down);
  const table = cachedTable(fromRate, toRate, up);
  const padded = new Float32Array(x.length + table.taps + 1);
  padded.set(x, table.taps / 2);
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

/** Tables per (fromRate, toRate); a few are kept, so hostile uploads cycling through rates cannot grow memory. */
const TABLE_CACHE_SIZE = 8;
const tableCache = new Map<string, PhaseTable>();

function cachedTable(fromRate: number, toRate: number, up: number): PhaseTable {
  const key = `${fromRate}:${toRate}`;
  let table = tableCache.get(key);
  if (!table) {
    table =
      up <= MAX_EXACT_PHASES
        ? phaseTable(fromRate, toRate, up)
        : phaseTable(fromRate, toRate, INTERPOLATED_PHASES, INTERPOLATED_PHASES + 1);
    if (tableCache.size >= TABLE_CACHE_SIZE) tableCache.delete(tableCache.keys().next().value!);
    tableCache.set(key, table);
  }
  return table;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
