import { describe, expect, it } from "vitest";
import { hzToMel, melFilterbank, melSpectrogram, melToHz, type MelParams } from "./mel";

/** librosa filters.mel(htk=False, norm="slaney") written densely, straight from its source. */
function referenceWeights({ sampleRate, nFft, nMels, fMin, fMax }: MelParams): Float64Array[] {
  const nBins = nFft / 2 + 1;
  const lo = hzToMel(fMin);
  const hi = hzToMel(fMax);
  const edges = Array.from({ length: nMels + 2 }, (_, i) => melToHz(lo + ((hi - lo) * i) / (nMels + 1)));
  return Array.from({ length: nMels }, (_, m) =>
    Float64Array.from({ length: nBins }, (_, k) => {
      const f = (k * sampleRate) / nFft;
      const lower = (f - edges[m]) / (edges[m + 1] - edges[m]);
      const upper = (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1]);
      return (2 / (edges[m + 2] - edges[m])) * Math.max(0, Math.min(lower, upper));
    }),
  );
}

describe("Slaney mel scale", () => {
  it("is linear below 1 kHz (200/3 Hz per mel) and logarithmic above", () => {
    expect(hzToMel(0)).toBe(0);
    expect(hzToMel(500)).toBeCloseTo(7.5, 12);
    expect(hzToMel(1000)).toBeCloseTo(15, 12);
    expect(hzToMel(6400)).toBeCloseTo(15 + 27, 10); // log step ln(6.4) / 27
    for (const hz of [0, 123.4, 999, 1000, 4321, 8000]) expect(melToHz(hzToMel(hz))).toBeCloseTo(hz, 8);
  });
});

describe.each<MelParams>([
  { sampleRate: 16000, nFft: 2048, nMels: 128, fMin: 0, fMax: 8000 },
  { sampleRate: 16000, nFft: 512, nMels: 40, fMin: 0, fMax: 8000 },
])("melFilterbank ($nMels mels, nFft $nFft)", (params) => {
  const filterbank = melFilterbank(params);

  it("stores exactly librosa's triangles, sparsely", () => {
    const expected = referenceWeights(params);
    let largestError = 0;
    for (let m = 0; m < params.nMels; m++) {
      const dense = new Float64Array(filterbank.nBins);
      for (let j = 0; j < filterbank.length[m]; j++) {
        dense[filterbank.start[m] + j] = filterbank.weights[filterbank.offset[m] + j];
      }
      for (let k = 0; k < dense.length; k++) largestError = Math.max(largestError, Math.abs(dense[k] - expected[m][k]));
    }
    expect(largestError).toBeLessThan(1e-15);
  });

  it("is built once per parameter set", () => {
    expect(melFilterbank({ ...params })).toBe(filterbank);
  });

  it("applied to a single-bin spectrum gives that bin's column of weights, frame by frame", () => {
    const k = 100;
    const power = new Float64Array(2 * filterbank.nBins);
    power[filterbank.nBins + k] = 2; // frame 1 only
    const mel = melSpectrogram({ data: power, nFrames: 2, nRows: filterbank.nBins }, filterbank);
    const expected = referenceWeights(params).map((row) => 2 * row[k]);
    expect(Array.from(mel.data.subarray(0, params.nMels)).every((v) => v === 0)).toBe(true);
    for (let m = 0; m < params.nMels; m++) expect(mel.data[params.nMels + m]).toBeCloseTo(expected[m], 12);
  });
});

it("melSpectrogram refuses a spectrogram of another size", () => {
  const filterbank = melFilterbank({ sampleRate: 16000, nFft: 512, nMels: 40, fMin: 0, fMax: 8000 });
  const power = { data: new Float64Array(1025), nFrames: 1, nRows: 1025 };
  expect(() => melSpectrogram(power, filterbank)).toThrow(RangeError);
});
