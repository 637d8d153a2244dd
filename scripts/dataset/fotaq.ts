/**
 * Flight of the Amazon Queen resource file `queen.1c` (SOURCES.md §3): magic `QTBL`, version `CEM10`, byte 12 the
 * compression type (1 = MP3), bytes 13–14 the entry count (big-endian), then 21-byte entries from byte 15:
 * a 12-byte NUL-padded name, one unused byte, a big-endian offset and a big-endian size.
 */
export interface QueenEntry {
  name: string;
  offset: number;
  size: number;
}

export interface QueenTable {
  compression: number;
  entries: QueenEntry[];
}

export function parseQueenTable(bytes: Uint8Array): QueenTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (ascii(0, 4) !== "QTBL") throw new Error("queen.1c: missing QTBL magic");
  const compression = bytes[12];
  const count = view.getUint16(13, false);
  const entries: QueenEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 15 + i * 21;
    const name = ascii(at, at + 12).replace(/\0.*$/s, "");
    entries.push({ name, offset: view.getUint32(at + 13, false), size: view.getUint32(at + 17, false) });
  }
  return { compression, entries };
}

/** The speech entries (`*.SB`), each one MP3 file in this release. */
export function speechEntries(table: QueenTable): QueenEntry[] {
  return table.entries.filter((e) => /\.SB$/i.test(e.name));
}
