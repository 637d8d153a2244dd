import { describe, expect, it } from "vitest";
import { rms } from "./rms";

/** RMS by the definition: zero-pad floor(frameLength / 2) per side, rectangular frames. */
function referenceRms(signal: Float32Array, frameLength: number, hopLength: number): number[] {
  const half = Math.floor(frameLength / 2);
  const padded = [...new Array(half).fill(0), ...signal, ...new Array(half).fill(0)];
  const out: number[] = [];
  for (let start = 0; start + frameLength <= padded.length; start += hopLength) {
    out.push(Math.sqrt(padded.slice(start, start + frameLength).reduce((s, x) => s + x * x, 0) / frameLength));
  }
  return out;
}

describe("rms (center=True, zero padding)", () => {
  it("pads with zeros, by hand", () => {
    // Padded [0, 0, 1, 1, 1, 1, 0, 0], frames of 4 every 2: [0,0,1,1], [1,1,1,1], [1,1,0,0].
    const out = rms(Float32Array.from([1, 1, 1, 1]), { frameLength: 4, hopLength: 2 });
    expect(Array.from(out)).toEqual([Math.sqrt(0.5), 1, Math.sqrt(0.5)]);
  });

  it.each([
    [2048, 512],
    [512, 160],
    [400, 160],
    [401, 160],
    [4, 3],
  ])("matches the definition for frame %i / hop %i, with loud and digitally silent stretches", (frameLength, hop) => {
    const signal = Float32Array.from({ length: 5000 }, (_, i) =>
      i > 3000 && i < 4000 ? 0 : 0.8 * Math.sin(i * 0.3) * (i % 7),
    );
    const expected = referenceRms(signal, frameLength, hop);
    const out = rms(signal, { frameLength, hopLength: hop });
    expect(out).toHaveLength(expected.length);
    expected.forEach((value, t) => expect(Math.abs(out[t] - value)).toBeLessThanOrEqual(1e-12 + 1e-12 * value));
    // Frames wholly inside the digital silence are exactly 0, not the rounding residue of a running sum.
    expected.forEach((value, t) => value === 0 && expect(out[t]).toBe(0));
  });
});
