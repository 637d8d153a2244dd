import { describe, expect, it } from "vitest";
import { classBalanced } from "./weights";

describe("classBalanced", () => {
  it("scales each class to half the rows and keeps ratios inside a class", () => {
    const w = classBalanced(Float64Array.of(1, 3, 2, 2, 2, 2), Uint8Array.of(0, 0, 1, 1, 1, 1));
    expect(Array.from(w)).toEqual([0.75, 2.25, 0.75, 0.75, 0.75, 0.75]);
  });
});
