import { describe, expect, it } from "vitest";
import { applyFilterbank, filterbankFrame, type SparseFilterbank, triangularFilterbank } from "./filterbank";
import { linearFilterbank } from "./linear-filterbank";
import { melFilterbank } from "./mel";

/** Band energies by the sparse rows' definition: sum over j of weights[offset[m] + j] * power[start[m] + j]. */
function byRows(bank: SparseFilterbank, power: Float64Array): Float64Array {
  return Float64Array.from({ length: bank.nMels }, (_, m) => {
    let sum = 0;
    for (let j = 0; j < bank.length[m]; j++) sum += bank.weights[bank.offset[m] + j] * power[bank.start[m] + j];
    return sum;
  });
}

/** Dense [band][bin] weights, from the rows or from the runs. */
function denseFromRows(bank: SparseFilterbank): Float64Array[] {
  return Array.from({ length: bank.nMels }, (_, m) => {
    const row = new Float64Array(bank.nBins);
    for (let j = 0; j < bank.length[m]; j++) row[bank.start[m] + j] = bank.weights[bank.offset[m] + j];
    return row;
  });
}
function denseFromRuns(bank: SparseFilterbank): Float64Array[] {
  const rows = Array.from({ length: bank.nMels }, () => new Float64Array(bank.nBins));
  const { runStart, runEnd, lower, upper, lowerWeight, upperWeight } = bank.runs;
  for (let r = 0; r < runStart.length; r++) {
    for (let k = runStart[r]; k < runEnd[r]; k++) {
      rows[lower[r]][k] = lowerWeight[k];
      if (upper[r] >= 0) rows[upper[r]][k] = upperWeight[k];
    }
  }
  return rows;
}

const banks: [string, SparseFilterbank][] = [
  ["mel 40 / 512", melFilterbank({ sampleRate: 16000, nFft: 512, nMels: 40, fMin: 0, fMax: 8000 })],
  ["mel 128 / 2048", melFilterbank({ sampleRate: 16000, nFft: 2048, nMels: 128, fMin: 0, fMax: 8000 })],
  ["mel 128 / 512 (narrow bands)", melFilterbank({ sampleRate: 16000, nFft: 512, nMels: 128, fMin: 0, fMax: 8000 })],
  ["linear 40 / 512", linearFilterbank({ sampleRate: 16000, nFft: 512, nBands: 40, fMin: 0, fMax: 8000 })],
  ["linear 20 / 512, 300 Hz up", linearFilterbank({ sampleRate: 16000, nFft: 512, nBands: 20, fMin: 300, fMax: 7000 })],
];

describe.each(banks)("filterbank runs (%s)", (_, bank) => {
  it("hold exactly the weights of the sparse rows", () => {
    expect(denseFromRuns(bank)).toEqual(denseFromRows(bank));
  });

  it("give the rows' band energies to within rounding, frame by frame", () => {
    let seed = 5;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    // Three frames of powers over 12 decades, as speech spectra span, at an offset in a longer buffer.
    const power = Float64Array.from({ length: 3 * bank.nBins + 7 }, () => 10 ** (6 - 12 * random()));
    const bands = applyFilterbank({ data: power.subarray(0, 3 * bank.nBins), nFrames: 3, nRows: bank.nBins }, bank);
    const single = new Float64Array(bank.nMels + 2).fill(Number.NaN);
    for (let t = 0; t < 3; t++) {
      const expected = byRows(bank, power.subarray(t * bank.nBins));
      filterbankFrame(power, t * bank.nBins, bank, single, 1);
      for (let m = 0; m < bank.nMels; m++) {
        const tolerance = 1e-13 * expected[m];
        expect(Math.abs(bands.data[t * bank.nMels + m] - expected[m])).toBeLessThanOrEqual(tolerance);
        expect(single[1 + m]).toBe(bands.data[t * bank.nMels + m]);
      }
      expect(single[0]).toBeNaN(); // nothing written outside [outOffset, outOffset + nBands)
      expect(single[bank.nMels + 1]).toBeNaN();
    }
  });
});

it("triangularFilterbank refuses edges that put a bin in three triangles", () => {
  expect(() => triangularFilterbank(Float64Array.from([0, 3000, 6000, 1000, 8000]), 16000, 64, () => 1)).toThrow(
    /more than two bands/,
  );
});
