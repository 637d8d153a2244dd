/**
 * A cache of ClipRows on disk, keyed by the content hash of the clip's files, the row options and the row code's
 * fingerprint (row-code-probe.ts), so a change to what the code computes or to a clip recomputes exactly what it
 * affects. Lives in node_modules/.cache (ignored by git).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ClipRows, RowOptions } from "./clip-rows";
import type { TrainingClip } from "./clips";

export const DEFAULT_CACHE_DIR = "node_modules/.cache/voiceguard-train";

/** `codeHash` is rowCodeFingerprint() of the running code. */
export function rowCacheKey(clip: TrainingClip, options: RowOptions, codeHash: string): string {
  const hash = createHash("sha256").update(`${codeHash}\0${JSON.stringify(options)}\0${clip.row.path}\0${clip.row.sample_rate_orig}\0${clip.row.channel}\0`);
  hash.update(readFileSync(clip.file));
  if (clip.cleanFile) hash.update("\0clean\0").update(readFileSync(clip.cleanFile));
  return hash.digest("hex");
}

const ARRAYS = ["vectors", "cues", "copyOfRow", "kindOfRow", "seedVector", "rawCues", "tiles", "tileCues"] as const;

export function encodeClipRows(rows: ClipRows): Uint8Array {
  const header = JSON.stringify({
    copies: rows.copies,
    publishedAnalysed: rows.publishedAnalysed,
    lengths: ARRAYS.map((name) => rows[name].byteLength),
  });
  const headerBytes = new TextEncoder().encode(header);
  const padded = Math.ceil((4 + headerBytes.length) / 8) * 8;
  const total = padded + ARRAYS.reduce((n, name) => n + Math.ceil(rows[name].byteLength / 8) * 8, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  let offset = padded;
  for (const name of ARRAYS) {
    out.set(new Uint8Array(rows[name].buffer, rows[name].byteOffset, rows[name].byteLength), offset);
    offset += Math.ceil(rows[name].byteLength / 8) * 8;
  }
  return out;
}

export function decodeClipRows(bytes: Uint8Array): ClipRows {
  const buffer = new Uint8Array(bytes).buffer; // a fresh, aligned copy
  const headerLength = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headerLength)));
  let offset = Math.ceil((4 + headerLength) / 8) * 8;
  const take = <T>(kind: new (b: ArrayBuffer, o: number, n: number) => T, bytesPer: number, i: number): T => {
    const view = new kind(buffer, offset, header.lengths[i] / bytesPer);
    offset += Math.ceil(header.lengths[i] / 8) * 8;
    return view;
  };
  return {
    vectors: take(Float32Array, 4, 0),
    cues: take(Float32Array, 4, 1),
    copyOfRow: take(Uint8Array, 1, 2),
    kindOfRow: take(Uint8Array, 1, 3),
    seedVector: take(Float64Array, 8, 4),
    rawCues: take(Float32Array, 4, 5),
    tiles: take(Float32Array, 4, 6),
    tileCues: take(Float32Array, 4, 7),
    copies: header.copies,
    publishedAnalysed: header.publishedAnalysed,
  };
}

/** The rows of a clip from the cache, or computed and stored. */
export async function cachedClipRows(
  key: string,
  cacheDir: string,
  compute: () => Promise<ClipRows>,
): Promise<ClipRows> {
  const file = join(cacheDir, key.slice(0, 2), `${key}.bin`);
  if (existsSync(file)) return decodeClipRows(readFileSync(file));
  const rows = await compute();
  mkdirSync(join(cacheDir, key.slice(0, 2)), { recursive: true });
  writeFileSync(`${file}.tmp`, encodeClipRows(rows));
  renameSync(`${file}.tmp`, file);
  return rows;
}
