import { describe, expect, it } from "vitest";
import { frameBandwidth } from "./spectral-bandwidth";
import { frameCentroid } from "./spectral-centroid";
import { frameRolloff } from "./spectral-rolloff";
import { spectralShapeFrame } from "./spectral-shape";

describe("spectralShapeFrame", () => {
  let seed = 9;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const frames: [string, number[]][] = [
    ["random powers over 12 decades", Array.from({ length: 257 }, () => 10 ** (4 - 12 * random()))],
    ["a single bin", Array.from({ length: 257 }, (_, k) => (k === 40 ? 3 : 0))],
    ["all zeros", new Array(257).fill(0)],
    ["energy only in the last bin (rolloff at the top)", Array.from({ length: 257 }, (_, k) => (k === 256 ? 1 : 0))],
    ["a short spectrum", [4, 1, 0, 9, 2]],
  ];

  it.each(frames)("equals the centroid, bandwidth and rolloff of the magnitudes and the power sum exactly (%s)", (_, values) => {
    const nBins = values.length;
    const power = Float64Array.from([7, ...values]); // at an offset of one
    const magnitude = Float64Array.from(values, Math.sqrt);
    const binHz = 8000 / (nBins - 1);
    const shape = { centroid: Number.NaN, bandwidth: Number.NaN, rolloff: Number.NaN, totalPower: Number.NaN };
    spectralShapeFrame(power, 1, nBins, binHz, 0.85, new Array(nBins).fill(0.5), shape);
    const centroid = frameCentroid(magnitude, 0, nBins, binHz);
    expect(shape).toEqual({
      centroid,
      bandwidth: frameBandwidth(magnitude, 0, nBins, binHz, centroid),
      rolloff: frameRolloff(magnitude, 0, nBins, binHz, 0.85),
      totalPower: values.reduce((sum, p) => sum + p, 0),
    });
  });
});
