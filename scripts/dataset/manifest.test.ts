import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ClipRow, formatManifest, MANIFEST_COLUMNS, parentOf, parseManifest, sortRows } from "./manifest";

const row: ClipRow = {
  path: "fake/flite/awb_en_00001.wav",
  label: "fake",
  source: "flite",
  speaker_or_voice: "awb",
  language: "en",
  duration_s: 1.7344,
  sample_rate_orig: 16000,
  license: "flite (BSD-like, CMU)",
  derived_from: "text:Hello, world.",
  generator: "flite",
  channel: "mp3-32k",
};

describe("manifest", () => {
  it("writes the local columns first, then generator and channel, durations with 3 decimals", () => {
    const text = formatManifest([row]);
    const [header, line] = text.trim().split("\n");
    expect(header).toBe(MANIFEST_COLUMNS.join(","));
    expect(line).toBe('fake/flite/awb_en_00001.wav,fake,flite,awb,en,1.734,16000,"flite (BSD-like, CMU)","text:Hello, world.",flite,mp3-32k');
    expect(parseManifest(text)[0]).toEqual({ ...row, duration_s: 1.734 });
  });
  it("sorts by path and finds vocoder parents", () => {
    const rows = sortRows([{ ...row, path: "b" }, { ...row, path: "a" }]);
    expect(rows.map((r) => r.path)).toEqual(["a", "b"]);
    expect(parentOf({ derived_from: "parent:real/x.wav" })).toBe("real/x.wav");
    expect(parentOf({ derived_from: "text:x" })).toBeUndefined();
  });
  const local = "../shared/data/local/manifest.csv";
  it.skipIf(!existsSync(local))("reads the shared local manifest (same first nine columns)", () => {
    const rows = parseManifest(readFileSync(local, "utf8"));
    expect(rows.length).toBeGreaterThan(600);
    expect(rows.every((r) => r.duration_s >= 1 && r.duration_s <= 10.05)).toBe(true);
    expect(rows.filter((r) => r.label === "fake").every((r) => r.generator === r.source)).toBe(true);
  });
});
