import { describe, expect, it } from "vitest";
import { isKeptDuration, planChunks } from "./chunking";

describe("planChunks", () => {
  it("drops clips under 1 s and keeps clips up to 10 s whole", () => {
    expect(planChunks(15999, 16000)).toEqual([]);
    expect(planChunks(16000, 16000)).toEqual([{ suffix: "", startSample: 0, endSample: 16000 }]);
    expect(planChunks(160000, 16000)).toHaveLength(1);
  });
  it("cuts longer clips into ceil(d/8) equal chunks covering every sample", () => {
    const chunks = planChunks(160016, 16000); // 10.001 s -> 2 chunks
    expect(chunks.map((c) => c.suffix)).toEqual(["_c0", "_c1"]);
    expect(chunks[0].endSample).toBe(chunks[1].startSample);
    expect(chunks[1].endSample).toBe(160016);
    const long = planChunks(16000 * 33, 16000); // 33 s -> 5 chunks of 6.6 s
    expect(long).toHaveLength(5);
    for (const c of long) expect((c.endSample - c.startSample) / 16000).toBeCloseTo(6.6, 3);
  });
  it("keeps 1.0-10.05 s", () => {
    expect(isKeptDuration(0.999)).toBe(false);
    expect(isKeptDuration(1)).toBe(true);
    expect(isKeptDuration(10.05)).toBe(true);
    expect(isKeptDuration(10.06)).toBe(false);
  });
});
