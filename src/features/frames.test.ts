import { describe, expect, it } from "vitest";
import { centredFrameCount, frameCentreSample, frameCentreSeconds, frameSlice } from "./frames";

describe("centredFrameCount", () => {
  it("is 1 + floor(n / hop) for even frame lengths, librosa's center=True count", () => {
    expect(centredFrameCount(16000, 2048, 512)).toBe(32);
    expect(centredFrameCount(16000, 512, 160)).toBe(101);
    expect(centredFrameCount(1600, 2048, 512)).toBe(4); // shorter than one frame: still padded and framed
    expect(centredFrameCount(1, 2048, 512)).toBe(1);
  });

  it("loses one sample of reach for odd frame lengths (padding is floor(frameLength / 2) per side)", () => {
    expect(centredFrameCount(320, 401, 160)).toBe(2); // 1 + floor((320 + 400 - 401) / 160)
    expect(centredFrameCount(321, 401, 160)).toBe(3);
  });

  it("refuses an empty signal and a non-integer hop", () => {
    expect(() => centredFrameCount(0, 2048, 512)).toThrow(RangeError);
    expect(() => centredFrameCount(100, 2048, 0)).toThrow(RangeError);
    expect(() => centredFrameCount(100, 2048, 1.5)).toThrow(RangeError);
  });
});

describe("frameCentreSample / frameCentreSeconds / frameSlice", () => {
  it("centres frame t on sample t * hop, at t * hop / sr seconds", () => {
    expect(frameCentreSample(0, 512)).toBe(0);
    expect(frameCentreSample(7, 160)).toBe(1120);
    expect(frameCentreSeconds(7, 160, 16000)).toBe(0.07);
    expect(frameCentreSeconds(63, 512, 16000)).toBe(2.016);
  });

  it("slices frames as a view on the same memory", () => {
    const matrix = { data: Float64Array.from([0, 1, 10, 11, 20, 21]), nFrames: 3, nRows: 2 };
    const slice = frameSlice(matrix, 1, 3);
    expect(slice.nFrames).toBe(2);
    expect(Array.from(slice.data)).toEqual([10, 11, 20, 21]);
    expect(slice.data.buffer).toBe(matrix.data.buffer);
    expect(() => frameSlice(matrix, 2, 4)).toThrow(RangeError);
  });
});
