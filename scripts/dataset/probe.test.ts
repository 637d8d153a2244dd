import { describe, expect, it } from "vitest";
import { durationFromSize } from "./probe";

describe("durationFromSize", () => {
  it("measures raw codecs from their size", () => {
    expect(durationFromSize(16000, "g722")).toBe(2);
    expect(durationFromSize(1650, "gsm")).toBeCloseTo(1, 9);
    expect(durationFromSize(32000, { s16leRate: 16000 })).toBe(1);
    expect(durationFromSize(32000, "auto")).toBeUndefined();
  });
});
