import { describe, expect, it } from "vitest";
import { probit } from "./probit";

describe("probit", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.01, -2.326347874040841],
    [0.999, 3.090232306167813],
    [1e-6, -4.753424308822899],
    [0.8413447460685429, 1],
  ])("probit(%f) = %f", (p, z) => {
    expect(probit(p)).toBeCloseTo(z, 7);
  });

  it("is infinite at 0 and 1 and NaN outside [0, 1]", () => {
    expect(probit(0)).toBe(-Infinity);
    expect(probit(1)).toBe(Infinity);
    expect(probit(1.5)).toBeNaN();
  });
});
