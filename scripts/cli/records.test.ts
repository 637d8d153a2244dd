import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../dataset/csv";
import { csvHeader, csvLine, type FailedRecord, isFailed, jsonLine, type ScoredRecord } from "./records";

const scored: ScoredRecord = {
  file: 'clips/a "quoted", name\nwith newline.wav',
  format: "wav",
  verdict: "fake",
  probability_fake: 0.875,
  duration_s: 3.25,
  analyzed_s: 3,
  decode_errors: 0,
  segments: [
    { start_s: 0, end_s: 2, probability_fake: 0.9 },
    { start_s: 2, end_s: 3, probability_fake: 0.8 },
  ],
};
const failed: FailedRecord = { file: "b.mp3", format: "mp3", error: "The MP3 decoder found no audio in this file.", code: "decode_failed" };

describe("jsonLine", () => {
  it("is one JSON object on one line, newlines inside strings escaped", () => {
    const line = jsonLine(scored);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual(scored);
    expect(JSON.parse(jsonLine(failed))).toEqual(failed);
  });
});

describe("CSV", () => {
  it("has a header and the same columns in every row, quoting what needs it", () => {
    const text = csvHeader(false) + csvLine(scored, false) + csvLine(failed, false);
    const rows = parseCsvRecords(text);
    expect(Object.keys(rows[0])).toEqual(["file", "format", "verdict", "probability_fake", "duration_s", "analyzed_s", "decode_errors", "error", "code"]);
    expect(rows[0]).toMatchObject({ file: scored.file, verdict: "fake", probability_fake: "0.875", error: "", code: "" });
    expect(rows[1]).toMatchObject({ file: "b.mp3", format: "mp3", verdict: "", probability_fake: "", code: "decode_failed" });
  });

  it("adds the segments as one JSON cell with --segments", () => {
    const rows = parseCsvRecords(csvHeader(true) + csvLine(scored, true) + csvLine(failed, true));
    expect(JSON.parse(rows[0].segments)).toEqual(scored.segments);
    expect(rows[1].segments).toBe("");
  });
});

describe("isFailed", () => {
  it("tells error records from scored ones", () => {
    expect(isFailed(failed)).toBe(true);
    expect(isFailed(scored)).toBe(false);
  });
});
