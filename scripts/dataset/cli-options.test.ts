import { describe, expect, it } from "vitest";
import { parseOptions, UsageError } from "./cli-options";

describe("parseOptions", () => {
  it("needs --out and fills the defaults", () => {
    expect(() => parseOptions([], 2)).toThrow(UsageError);
    const o = parseOptions(["--out", "/tmp/c"], 2);
    expect(o).toMatchObject({ outDir: "/tmp/c", seed: 0, limit: Infinity, jobs: 2, split: { kind: "holdout" } });
    expect(o.dataDir.endsWith("/shared/data")).toBe(true);
  });
  it("reads every flag and rejects bad values", () => {
    const o = parseOptions(["--out", "x", "--seed", "7", "--limit", "3", "--jobs", "1", "--split", "folds:5", "--data", "/d"], 2);
    expect(o).toMatchObject({ seed: 7, limit: 3, jobs: 1, split: { kind: "folds", k: 5 }, dataDir: "/d" });
    expect(() => parseOptions(["--out", "x", "--limit", "0"], 2)).toThrow(/--limit/);
    expect(() => parseOptions(["--out", "x", "--split", "folds:1"], 2)).toThrow(/--split/);
    expect(() => parseOptions(["--out", "x", "--bogus", "1"], 2)).toThrow(/unknown/);
  });
});
