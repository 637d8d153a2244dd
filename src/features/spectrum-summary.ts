import { NORMALIZE_THRESHOLD } from "./spectral-centroid";

/** Centroid, bandwidth and rolloff of one frame, in Hz, and its total power (the sum of its power values). */
export interface SpectralShape {
  centroid: number;
  bandwidth: number;
  rolloff: number;
  totalPower: number;
}

/**
 * `frameCentroid`, `frameBandwidth` and `frameRolloff` of one frame's magnitudes, from its nBins power values at
 * power[base ...], in two passes instead of four: the first takes the square roots and the centroid's sums, the
 * second the bandwidth's spread and the rolloff's running sum; the first also sums the powers on the way. Every
 * sum adds the same terms in the same order as those functions (and a plain loop over the powers), so the results
 * are identical. `magnitude` is scratch for nBins values; `shape` receives the results.
 */
export function spectralShapeFrame(
  power: Float64Array,
  base: number,
  nBins: number,
  binHz: number,
  rollPercent: number,
  magnitude: number[],
  shape: SpectralShape,
): void {
  let totalPower = 0;
  let total = 0;
  let weighted = 0;
  for (let k = 0; k < nBins; k++) {
    const p = power[base + k];
    const s = Math.sqrt(p);
    totalPower += p;
    magnitude[k] = s;
    total += s;
    weighted += k * s;
  }
  const centroid = (binHz * weighted) / (total < NORMALIZE_THRESHOLD ? 1 : total);
  const threshold = rollPercent * total;
  let spread = 0;
  let cumulative = 0;
  let rolloffBin = nBins - 1;
  for (let k = 0; k < nBins; k++) {
    const s = magnitude[k];
    const deviation = k * binHz - centroid;
    spread += s * deviation * deviation;
    cumulative += s;
    if (cumulative >= threshold && k < rolloffBin) rolloffBin = k;
  }
  shape.centroid = centroid;
  shape.bandwidth = Math.sqrt(spread / (total < NORMALIZE_THRESHOLD ? 1 : total));
  shape.rolloff = rolloffBin * binHz;
  shape.totalPower = totalPower;
}
