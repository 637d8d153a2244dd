import { describe, expect, it } from "vitest";
import { singleFeatureBalancedAccuracy } from "../lib";
import { CUE_NAMES } from "./cues";
import type { FeatureTable } from "./feature-table";
import { rowDesign, tileRowDesign } from "./protocol";
import { type CueAudit, auditCues, weightedBalancedAccuracy } from "./shortcut-audit";

describe("weightedBalancedAccuracy", () => {
  const values = Float32Array.of(1, 2, 3, 4, 5, 6);
  const labels = Uint8Array.of(0, 0, 1, 0, 1, 1);

  it("equals scripts/lib's unweighted figure without weights", () => {
    expect(weightedBalancedAccuracy(values, labels)).toBe(singleFeatureBalancedAccuracy(values, labels).balancedAccuracy);
  });

  it("lets weights move the best threshold", () => {
    // Without the misplaced fake row (value 3), value >= 5 separates the classes perfectly.
    expect(weightedBalancedAccuracy(values, labels, Float64Array.of(1, 1, 0, 1, 1, 1))).toBe(1);
    expect(weightedBalancedAccuracy(values, labels)).toBeCloseTo(5 / 6, 10);
  });
});

describe("auditCues", () => {
  // One real and one fake clip whose whole rows share their cues; their tiles differ in peak.
  const table = {
    labels: Uint8Array.of(0, 1),
    x: { nRows: 2, nCols: 1, values: Float32Array.of(0, 0) },
    cues: { nRows: 2, nCols: CUE_NAMES.length, values: Float32Array.from([...cues(0.5), ...cues(0.5)]) },
    rawCues: { nRows: 2, nCols: CUE_NAMES.length, values: Float32Array.from([...cues(0.5), ...cues(0.5)]) },
    rowClip: Int32Array.of(0, 1),
    publishedRow: Int32Array.of(0, 1),
    clips: [{}, {}],
    tileX: { nRows: 2, nCols: 1, values: Float32Array.of(0, 0) },
    tileStart: Int32Array.of(0, 1, 2),
    tileCues: { nRows: 2, nCols: CUE_NAMES.length, values: Float32Array.from([...cues(0.2), ...cues(0.9)]) },
  } as unknown as FeatureTable;
  const peak = (audit: CueAudit[]) => audit.find((a) => a.cue === "peak")!.processed;

  it("audits the tile rows a design trains on, not only the table's rows", () => {
    expect(peak(auditCues(table, rowDesign(table, Float64Array.of(1, 1)).rows))).toBe(0.5);
    // Half of each class's weight is a tile whose peak gives its class away: 0.75 balanced accuracy.
    expect(peak(auditCues(table, tileRowDesign(table, Float64Array.of(1, 1)).rows))).toBe(0.75);
  });
});

function cues(peak: number): number[] {
  return CUE_NAMES.map((name) => (name === "peak" ? peak : 1));
}
