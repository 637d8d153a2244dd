import { describe, expect, it } from "vitest";
import { formatProgress, formatSeconds } from "./progress";

describe("progress", () => {
  it("draws a bar with counts, elapsed time and an estimate", () => {
    expect(formatProgress("real", 5, 10, 30, 10)).toBe("real         [#####.....] 5/10 0:30 eta 0:30");
    expect(formatProgress("real", 10, 10, 61, 4)).toBe("real         [####] 10/10 1:01");
  });
  it("formats seconds as m:ss", () => {
    expect(formatSeconds(3599.6)).toBe("60:00");
  });
});
