import { describe, expect, it } from "vitest";
import { formatClock, formatPercent, formatSeconds } from "./format.js";

describe("formatPercent", () => {
  it("rounds to whole percent and never claims 0% or 100%", () => {
    expect(formatPercent(0.123)).toBe("12%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(0)).toBe("<1%");
    expect(formatPercent(0.004)).toBe("<1%");
    expect(formatPercent(0.996)).toBe(">99%");
    expect(formatPercent(1)).toBe(">99%");
  });
});

describe("formatClock", () => {
  it("writes m:ss with the requested decimals, carrying into minutes", () => {
    expect(formatClock(0)).toBe("0:00.0");
    expect(formatClock(4.53)).toBe("0:04.5");
    expect(formatClock(65.3)).toBe("1:05.3");
    expect(formatClock(59.96)).toBe("1:00.0");
    expect(formatClock(60, 0)).toBe("1:00");
    expect(formatClock(-2, 0)).toBe("0:00");
  });
});

describe("formatSeconds", () => {
  it("uses one decimal and a unit", () => {
    expect(formatSeconds(4.53)).toBe("4.5 s");
  });
});
