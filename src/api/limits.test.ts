import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_ANALYZED_SECONDS, DEFAULT_MAX_UPLOAD_BYTES, limitsFrom } from "./limits";

describe("limitsFrom", () => {
  it("uses the defaults when the vars are unset or blank", () => {
    const defaults = { maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES, maxAnalyzedSeconds: DEFAULT_MAX_ANALYZED_SECONDS };
    expect(limitsFrom({})).toEqual(defaults);
    expect(limitsFrom({ MAX_UPLOAD_BYTES: " ", MAX_ANALYZED_SECONDS: "" })).toEqual(defaults);
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(25 * 1024 * 1024);
  });

  it("reads configured values; seconds may be fractional, bytes may not", () => {
    expect(limitsFrom({ MAX_UPLOAD_BYTES: "1048576", MAX_ANALYZED_SECONDS: "90.5" })).toEqual({
      maxUploadBytes: 1048576,
      maxAnalyzedSeconds: 90.5,
    });
  });

  it.each([
    ["MAX_UPLOAD_BYTES", "1.5"],
    ["MAX_UPLOAD_BYTES", "0"],
    ["MAX_UPLOAD_BYTES", "25MiB"],
    ["MAX_ANALYZED_SECONDS", "-1"],
    ["MAX_ANALYZED_SECONDS", "Infinity"],
  ])("refuses %s=%s instead of guessing", (name, value) => {
    expect(() => limitsFrom({ [name]: value })).toThrow(name);
  });
});
