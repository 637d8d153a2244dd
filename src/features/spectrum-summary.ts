import { NORMALIZE_THRESHOLD } from "./spectral-centroid";
import { PRODUCT_LIMIT } from "./spectral-flatness";

/**
 * Where `spectrumSummaryFrame` sums: energy bands of `bandBins` bins each from bin 1 up (the DC bin is left out),
 * and flatness bands between consecutive `flatnessEdges`, which run from bin 1 to nBins.
 */
export interface SpectrumLayout {
  readonly nBins: number;
  readonly binHz: number;
  readonly rollPercent: number;
  readonly amin: number;
  readonly bandBins: number;
  readonly flatnessEdges: readonly number[];
}

/** What `spectrumSummaryFrame` writes: shape in Hz, the total power, and the power and flatness of each band. */
export interface SpectrumSummary {
  centroid: number;
  bandwidth: number;
  rolloff: number;
  totalPower: number;
  readonly bandPower: Float64Array;
  readonly flatness: Float64Array;
}

/** Checks the layout once, so that the per-frame loop needs no checks. */
export function spectrumLayout(layout: SpectrumLayout): SpectrumLayout {
  const { nBins, bandBins, flatnessEdges: edges, amin } = layout;
  if (!(Number.isInteger(bandBins) && bandBins >= 1 && (nBins - 1) % bandBins === 0)) {
    throw new RangeError(`${nBins - 1} bins above DC do not make bands of ${bandBins}`);
  }
  const rising = edges.every((edge, i) => i === 0 || edge > edges[i - 1]);
  if (!(edges.length >= 2 && edges[0] === 1 && edges[edges.length - 1] === nBins && rising)) {
    throw new RangeError(`flatness edges [${edges.join(", ")}] do not run up from bin 1 to ${nBins}`);
  }
  if (!(amin >= 1e-38)) throw new RangeError(`amin ${amin} below 1e-38`);
  return layout;
}

/** Output buffers for a layout. */
export function spectrumSummary({ nBins, bandBins, flatnessEdges }: SpectrumLayout): SpectrumSummary {
  return {
    centroid: 0,
    bandwidth: 0,
    rolloff: 0,
    totalPower: 0,
    bandPower: new Float64Array((nBins - 1) / bandBins),
    flatness: new Float64Array(flatnessEdges.length - 1),
  };
}

/**
 * One frame's `frameCentroid`, `frameBandwidth` and `frameRolloff` of its magnitudes, its total power, the power
 * of each energy band and `frameFlatness` of each flatness band, from its nBins power values at power[base ...]:
 * one pass over the powers and one over the magnitudes instead of five passes (measured in workerd: 10.3 -> 9.3 ms
 * of frame features for 10 s). Every sum adds the same terms in the same order as those functions and a plain loop
 * over a band would, so the results are identical. `magnitude` is scratch for nBins values.
 */
export function spectrumSummaryFrame(
  power: Float64Array,
  base: number,
  layout: SpectrumLayout,
  magnitude: number[],
  out: SpectrumSummary,
): void {
  const { nBins, binHz, rollPercent, amin, bandBins, flatnessEdges } = layout;
  const { bandPower, flatness } = out;
  bandPower.fill(0);
  let totalPower = power[base];
  magnitude[0] = Math.sqrt(totalPower);
  let total = magnitude[0];
  let weighted = 0;
  let band = 0;
  let leftInBand = bandBins;
  for (let f = 0; f + 1 < flatnessEdges.length; f++) {
    const lo = flatnessEdges[f];
    const hi = flatnessEdges[f + 1];
    let flooredSum = 0;
    let logSum = 0;
    let product = 1;
    for (let k = lo; k < hi; k++) {
      const p = power[base + k];
      const s = Math.sqrt(p);
      totalPower += p;
      magnitude[k] = s;
      total += s;
      weighted += k * s;
      bandPower[band] += p;
      if (--leftInBand === 0) {
        band++;
        leftInBand = bandBins;
      }
      // frameFlatness: a logarithm only when the running product leaves [2^-800, 2^800].
      const floored = Math.max(amin, p);
      flooredSum += floored;
      product *= floored;
      if (product > PRODUCT_LIMIT || product < 1 / PRODUCT_LIMIT) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    logSum += Math.log(product);
    flatness[f] = Math.exp(logSum / (hi - lo)) / (flooredSum / (hi - lo));
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
  out.centroid = centroid;
  out.bandwidth = Math.sqrt(spread / (total < NORMALIZE_THRESHOLD ? 1 : total));
  out.rolloff = rolloffBin * binHz;
  out.totalPower = totalPower;
}
