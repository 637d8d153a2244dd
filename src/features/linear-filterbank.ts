import { type SparseFilterbank, triangularFilterbank } from "./filterbank";

/** Parameters of a linear-frequency triangular filterbank (the LFCC front end of the ASVspoof baselines). */
export interface LinearFilterbankParams {
  readonly sampleRate: number;
  readonly nFft: number;
  readonly nBands: number;
  readonly fMin: number;
  readonly fMax: number;
}

const filterbanks = new Map<string, SparseFilterbank>();

/**
 * nBands unit-peak triangles with nBands + 2 edges evenly spaced in Hz between fMin and fMax. Unlike the mel
 * scale this keeps the resolution of the high band, where vocoder artefacts sit. Built once per parameter set.
 */
export function linearFilterbank(params: LinearFilterbankParams): SparseFilterbank {
  const { sampleRate, nFft, nBands, fMin, fMax } = params;
  const key = `${sampleRate}/${nFft}/${nBands}/${fMin}/${fMax}`;
  let filterbank = filterbanks.get(key);
  if (filterbank === undefined) {
    const edges = new Float64Array(nBands + 2);
    for (let i = 0; i < nBands + 2; i++) edges[i] = fMin + ((fMax - fMin) * i) / (nBands + 1);
    filterbank = triangularFilterbank(edges, sampleRate, nFft, () => 1);
    filterbanks.set(key, filterbank);
  }
  return filterbank;
}
