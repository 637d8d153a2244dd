import { describe, expect, it } from "vitest";
import { formatClock, formatPercent, formatPercentsApart, formatSeconds } from "./format.js";

describe("formatPercent", () => {
  it("rounds to whole percent and never claims 0% or 100%", () => {
    expect(formatPercent(0.123)).toBe("12%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(0)).toBe("<1%");
    expect(formatPercent(0.004)).toBe("<1%");
    expect(formatPercent(0.996)).toBe(">99%");
    expect(formatPercent(1)).toBe(">99%");
  });
  it("writes the decimals asked for", () => {
    expect(formatPercent(0.1523, 1)).toBe("15.2%");
    expect(formatPercent(0.7, 2)).toBe("70.00%");
  });
});

describe("formatPercentsApart", () => {
  it("stays whole when whole percentages keep the values apart", () => {
    expect(formatPercentsApart([0.5, 0.73, 0.146])).toEqual(["50%", "73%", "15%"]);
  });
  it("adds decimals until a score no longer reads as equal to a threshold it is not", () => {
    expect(formatPercentsApart([0.152, 0.73, 0.1464])).toEqual(["15.2%", "73.0%", "14.6%"]);
    expect(formatPercentsApart([0.1462, 0.73, 0.1464])).toEqual(["14.62%", "73.00%", "14.64%"]);
  });
  it("leaves equal values equal", () => {
    expect(formatPercentsApart([0.3, 0.7, 0.3])).toEqual(["30%", "70%", "30%"]);
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
