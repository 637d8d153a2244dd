import { resample } from "../../../src/audio/resample";
import { type CompandingLaw, g711Table } from "../../../src/audio/g711";

const TELEPHONE_RATE = 8000;

/** The 256 values a code can expand to (full scale 1), ascending: the quantiser's levels. */
const levels: Partial<Record<CompandingLaw, Float64Array>> = {};

function levelsOf(law: CompandingLaw): Float64Array {
  return (levels[law] ??= Float64Array.from(g711Table(law), (value) => value / 32768).sort());
}

/** G.711 companding of one sample: the code whose expansion (src/audio/g711.ts) is nearest to x. */
function companded(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid;
    else hi = mid;
  }
  return x - values[lo] <= values[hi] - x ? values[lo] : values[hi];
}

/**
 * A G.711 telephone line: down to 8 kHz, A-law or mu-law coded and decoded (8-bit logarithmic quantisation),
 * and back to the clip's rate.
 */
export function telephoneRoundTrip(samples: Float32Array, sampleRate: number, law: CompandingLaw): Float32Array {
  const values = levelsOf(law);
  const narrow = resample(samples, sampleRate, TELEPHONE_RATE).map((x) => companded(values, x));
  return resample(narrow, TELEPHONE_RATE, sampleRate);
}
