import { describe, expect, it } from "vitest";
import { formatCsvRow, parseCsv, parseCsvRecords } from "./csv";

describe("csv", () => {
  it("quotes only fields that need it", () => {
    expect(formatCsvRow(["a", "b,c", 'say "hi"', "x\ny"])).toBe('a,"b,c","say ""hi""","x\ny"');
  });
  it("round-trips awkward fields", () => {
    const rows = [
      ["path", "license"],
      ["x.wav", "flite (BSD-like, CMU)"],
      ["y.wav", 'text:He said "no", twice'],
    ];
    const text = rows.map(formatCsvRow).join("\n") + "\n";
    expect(parseCsv(text)).toEqual(rows);
  });
  it("reads records by header and accepts CRLF", () => {
    expect(parseCsvRecords("a,b\r\n1,2\r\n3,\r\n")).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "" },
    ]);
  });
});
