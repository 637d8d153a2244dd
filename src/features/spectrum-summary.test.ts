import { describe, expect, it } from "vitest";
import { frameBandwidth } from "./spectral-bandwidth";
import { frameCentroid } from "./spectral-centroid";
import { frameFlatness } from "./spectral-flatness";
import { frameRolloff } from "./spectral-rolloff";
import { spectrumLayout, spectrumSummary, spectrumSummaryFrame } from "./spectrum-summary";

describe("spectrumSummaryFrame", () => {
  let seed = 9;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const detectorEdges = [1, 64, 128, 192, 257];
  const frames: [string, number[], number, number[]][] = [
    ["random powers over 12 decades", Array.from({ length: 257 }, () => 10 ** (4 - 12 * random())), 16, detectorEdges],
    // Products that leave [2^-800, 2^800] within a band: the flatness must take its logarithm on the way.
    ["huge and tiny powers", Array.from({ length: 257 }, (_, k) => (k % 2 ? 1e60 : 1e-38)), 16, detectorEdges],
    ["a single bin", Array.from({ length: 257 }, (_, k) => (k === 40 ? 3 : 0)), 16, detectorEdges],
    ["all zeros", new Array(257).fill(0), 16, detectorEdges],
    ["energy only in the last bin (rolloff at the top)", Array.from({ length: 257 }, (_, k) => (k === 256 ? 1 : 0)), 16, detectorEdges],
    ["a short spectrum, bands across the flatness edges", [4, 1, 0, 9, 2, 5, 7], 3, [1, 2, 5, 7]],
  ];

  it.each(frames)(
    "equals the per-feature functions and plain band sums exactly (%s)",
    (_, values, bandBins, flatnessEdges) => {
      const nBins = values.length;
      const power = Float64Array.from([7, ...values]); // at an offset of one
      const magnitude = Float64Array.from(values, Math.sqrt);
      const binHz = 8000 / (nBins - 1);
      const layout = spectrumLayout({ nBins, binHz, rollPercent: 0.85, amin: 1e-10, bandBins, flatnessEdges });
      const summary = spectrumSummary(layout);
      // Run twice: the band sums must start again from zero.
      for (let i = 0; i < 2; i++) spectrumSummaryFrame(power, 1, layout, new Array(nBins).fill(0.5), summary);
      const centroid = frameCentroid(magnitude, 0, nBins, binHz);
      const sum = (lo: number, hi: number) => values.slice(lo, hi).reduce((s, p) => s + p, 0);
      expect(summary).toEqual({
        centroid,
        bandwidth: frameBandwidth(magnitude, 0, nBins, binHz, centroid),
        rolloff: frameRolloff(magnitude, 0, nBins, binHz, 0.85),
        totalPower: sum(0, nBins),
        bandPower: Float64Array.from({ length: (nBins - 1) / bandBins }, (_, b) => sum(1 + b * bandBins, 1 + (b + 1) * bandBins)),
        flatness: Float64Array.from(flatnessEdges.slice(1), (hi, f) => frameFlatness(power, 1 + flatnessEdges[f], 1 + hi, 1e-10)),
      });
    },
  );

  it.each([
    ["bands that do not divide the bins", { bandBins: 5, flatnessEdges: [1, 257] }],
    ["flatness edges not from bin 1", { bandBins: 16, flatnessEdges: [0, 257] }],
    ["flatness edges short of the last bin", { bandBins: 16, flatnessEdges: [1, 200] }],
    ["flatness edges not rising", { bandBins: 16, flatnessEdges: [1, 64, 64, 257] }],
  ])("refuses a layout with %s", (_, bad) => {
    expect(() => spectrumLayout({ nBins: 257, binHz: 31.25, rollPercent: 0.85, amin: 1e-10, ...bad })).toThrow(RangeError);
  });
});
