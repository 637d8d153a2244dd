import { describe, expect, it } from "vitest";
import { applyFilterbank } from "./filterbank";
import { linearFilterbank } from "./linear-filterbank";

describe("linearFilterbank", () => {
  const bank = linearFilterbank({ sampleRate: 16000, nFft: 512, nBands: 20, fMin: 0, fMax: 8000 });

  it("has unit-peak triangles centred on evenly spaced frequencies", () => {
    // Edges every 8000/21 Hz; band m peaks at (m + 1) * 8000 / 21 Hz, i.e. bin (m + 1) * 256 / 21.
    for (let m = 0; m < 20; m++) {
      const peakBin = ((m + 1) * 256) / 21;
      const k = Math.round(peakBin);
      const w = bank.weights[bank.offset[m] + k - bank.start[m]];
      expect(w).toBeCloseTo(1 - Math.abs(k - peakBin) / (256 / 21), 12);
    }
  });

  it("weighs a flat spectrum by the triangle areas, the same in every band", () => {
    const power = { data: new Float64Array(257).fill(1), nFrames: 1, nRows: 257 };
    const bands = applyFilterbank(power, bank);
    // Each triangle spans 2 * 256/21 bins with unit peak: its sum over bins is about 256/21.
    for (let m = 0; m < 20; m++) expect(bands.data[m]).toBeCloseTo(256 / 21, 0);
  });

  it("is cached per parameter set", () => {
    expect(linearFilterbank({ sampleRate: 16000, nFft: 512, nBands: 20, fMin: 0, fMax: 8000 })).toBe(bank);
  });
});
