import { describe, expect, it } from "vitest";
import { buildPool, inTextRange, normaliseText, tuxDescriptions } from "./text-pool";

describe("text pools", () => {
  it("collapses whitespace and keeps 25-200 characters (counted as code points)", () => {
    expect(normaliseText("  a \t b\n")).toBe("a b");
    expect(inTextRange("x".repeat(24))).toBe(false);
    expect(inTextRange("x".repeat(25))).toBe(true);
    expect(inTextRange("ж".repeat(200))).toBe(true);
    expect(inTextRange("x".repeat(201))).toBe(false);
  });
  it("adds Tux Paint descriptions of the language after the project lines", () => {
    const stamps = ["A cat sitting on a warm mat today.\nfr.utf8=Un chat assis sur un tapis chaud.", "Short.\n"];
    expect(tuxDescriptions(stamps, "en")).toEqual(["A cat sitting on a warm mat today.", "Short."]);
    expect(buildPool(["Please   wait for the   green light."], tuxDescriptions(stamps, "en"))).toEqual([
      "Please wait for the green light.",
      "A cat sitting on a warm mat today.",
    ]);
  });
});
