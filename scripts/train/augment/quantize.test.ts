import { describe, expect, it } from "vitest";
import { quantize16 } from "./quantize";

describe("quantize16", () => {
  it("rounds to the 16-bit grid and saturates at full scale", () => {
    const y = quantize16(Float32Array.of(1.5, -2, 0.4 / 32768, 0.6 / 32768, 1000.4 / 32768));
    expect(Array.from(y, (v) => v * 32768)).toEqual([32767, -32768, 0, 1, 1000]);
  });
});
