import { describe, expect, it } from "vitest";
import { verdictOf } from "./verdict";

describe("verdictOf", () => {
  const thresholds = { fake: 0.8, real: 0.3 };
  it.each([
    [0.95, "fake"],
    [0.8, "fake"],
    [0.5, "uncertain"],
    [0.3, "real"],
    [0, "real"],
  ])("calls %f %s", (p, verdict) => {
    expect(verdictOf(p, thresholds)).toBe(verdict);
  });
});
