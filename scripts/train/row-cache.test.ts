import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ClipRows } from "./clip-rows";
import { cachedClipRows, decodeClipRows, encodeClipRows } from "./row-cache";

const rows: ClipRows = {
  vectors: Float32Array.of(1, 2, 3, 4, 5, 6),
  cues: Float32Array.of(0.5, 7),
  copyOfRow: Uint8Array.of(0, 1, 1),
  kindOfRow: Uint8Array.of(0, 0, 2),
  copies: ["published", "gain-3dB"],
  publishedAnalysed: true,
  seedVector: Float64Array.of(0.1, 0.2, 0.3),
  rawCues: Float32Array.of(9),
  tiles: Float32Array.of(3, 2, 1, 0.25),
  tileCues: Float32Array.of(0.5, 1),
};

describe("row cache", () => {
  it("round-trips ClipRows through its binary form", () => {
    expect(decodeClipRows(encodeClipRows(rows))).toEqual(rows);
  });

  it("computes once and then reads from disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vg-rows-"));
    let computed = 0;
    const compute = async () => {
      computed++;
      return rows;
    };
    expect(await cachedClipRows("ab12", dir, compute)).toEqual(rows);
    expect(await cachedClipRows("ab12", dir, compute)).toEqual(rows);
    expect(computed).toBe(1);
  });
});
