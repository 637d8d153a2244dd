import { describe, expect, it } from "vitest";
import { rowCodeFingerprint } from "./row-code-probe";

describe("rowCodeFingerprint", () => {
  it("is a stable sha256 of what the row code computes", async () => {
    const first = await rowCodeFingerprint();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await rowCodeFingerprint()).toBe(first);
  }, 30_000);
});
