import { describe, expect, it } from "vitest";
import { parseQueenTable, speechEntries } from "./fotaq";

function fakeQueen(entries: { name: string; offset: number; size: number }[]): Uint8Array {
  const bytes = new Uint8Array(15 + entries.length * 21);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode("QTBLCEM10"), 0);
  bytes[12] = 1;
  view.setUint16(13, entries.length, false);
  entries.forEach((e, i) => {
    const at = 15 + i * 21;
    bytes.set(new TextEncoder().encode(e.name), at);
    view.setUint32(at + 13, e.offset, false);
    view.setUint32(at + 17, e.size, false);
  });
  return bytes;
}

describe("queen.1c table", () => {
  it("reads names, big-endian offsets and sizes, and keeps .SB entries", () => {
    const table = parseQueenTable(fakeQueen([{ name: "4100B3P2.SB", offset: 70000, size: 1234 }, { name: "ROOM.PCX", offset: 1, size: 2 }]));
    expect(table.compression).toBe(1);
    expect(table.entries[0]).toEqual({ name: "4100B3P2.SB", offset: 70000, size: 1234 });
    expect(speechEntries(table).map((e) => e.name)).toEqual(["4100B3P2.SB"]);
  });
  it("rejects other files", () => {
    expect(() => parseQueenTable(new Uint8Array(20))).toThrow(/QTBL/);
  });
});
