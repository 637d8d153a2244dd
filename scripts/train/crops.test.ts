import { describe, expect, it } from "vitest";
import { mulberry32 } from "../lib/prng";
import { CROP_SECONDS, SEGMENT_SECONDS, drawStretches } from "./crops";

describe("drawStretches", () => {
  it("gives the whole clip, a crop of 1.5-6 s and a 2 s segment inside a long clip", () => {
    for (let seed = 0; seed < 50; seed++) {
      const [whole, crop, segment] = drawStretches(16000 * 8, 16000, mulberry32(seed));
      expect(whole).toEqual({ kind: "whole", start: 0, end: 128000 });
      expect(crop.kind).toBe("crop");
      expect(crop.end - crop.start).toBeGreaterThanOrEqual(CROP_SECONDS[0] * 16000);
      expect(crop.end - crop.start).toBeLessThanOrEqual(CROP_SECONDS[1] * 16000);
      expect(segment).toMatchObject({ kind: "segment" });
      expect(segment.end - segment.start).toBe(SEGMENT_SECONDS * 16000);
      for (const s of [crop, segment]) expect(s.start >= 0 && s.end <= 128000).toBe(true);
    }
  });

  it("gives only the whole clip when the clip is shorter than any crop", () => {
    expect(drawStretches(16000, 16000, mulberry32(1)).map((s) => s.kind)).toEqual(["whole"]);
  });
});
