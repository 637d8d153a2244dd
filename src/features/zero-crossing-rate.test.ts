import { describe, expect, it } from "vitest";
import { zeroCrossingRate } from "./zero-crossing-rate";

/** librosa's definition: edge padding, |x| <= threshold is 0, sign bit (0 positive), frameLength - 1 pairs. */
function referenceZcr(signal: Float32Array, frameLength: number, hopLength: number, threshold: number): number[] {
  const half = Math.floor(frameLength / 2);
  const padded = [...new Array(half).fill(signal[0]), ...signal, ...new Array(half).fill(signal[signal.length - 1])];
  const negative = padded.map((x) => Math.abs(x) > threshold && x < 0);
  const out: number[] = [];
  for (let start = 0; start + frameLength <= padded.length; start += hopLength) {
    let crossings = 0;
    for (let i = start + 1; i < start + frameLength; i++) if (negative[i] !== negative[i - 1]) crossings++;
    out.push(crossings / frameLength);
  }
  return out;
}

describe("zeroCrossingRate", () => {
  it("counts sign changes inside each frame over frameLength, by hand", () => {
    // Edge-padded [1, 1, 1, -1, 1, -1, 1, 1, 1]; frames of 4 every 2: [1,1,1,-1] -> 1, [1,-1,1,-1] -> 3,
    // [1,-1,1,1] -> 2 crossings.
    const signal = Float32Array.from([1, -1, 1, -1, 1]);
    const out = zeroCrossingRate(signal, { frameLength: 4, hopLength: 2, threshold: 1e-10 });
    expect(Array.from(out)).toEqual([1 / 4, 3 / 4, 2 / 4]);
  });

  it("counts zero (and anything within the threshold) as positive", () => {
    const signal = Float32Array.from([0, -1, 0, 1e-11, -1e-11, -1]);
    const out = zeroCrossingRate(signal, { frameLength: 6, hopLength: 6, threshold: 1e-10 });
    // Edge-padded frames [0, 0, 0, 0, -1, 0] -> 2 crossings and [1e-11, -1e-11, -1, -1, -1, -1] -> 1: the
    // +-1e-11 pair is within the threshold, both zero, both positive.
    expect(Array.from(out)).toEqual([2 / 6, 1 / 6]);
    expect(Array.from(out)).toEqual(referenceZcr(signal, 6, 6, 1e-10));
  });

  it.each([
    [2048, 512],
    [512, 160],
    [400, 160],
    [401, 160],
  ])("matches the definition for frame %i / hop %i, edges included", (frameLength, hop) => {
    const signal = Float32Array.from({ length: 3000 }, (_, i) => Math.sin(i * 0.05) * Math.sin(i * 0.0031) - 0.2);
    expect(Array.from(zeroCrossingRate(signal, { frameLength, hopLength: hop, threshold: 1e-10 }))).toEqual(
      referenceZcr(signal, frameLength, hop, 1e-10),
    );
  });
});
