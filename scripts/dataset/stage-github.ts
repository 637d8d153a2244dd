/** Stage "github": copy (or fetch, convert and check) every clip of the github manifest into the work folder. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type BuildContext, paths } from "./context";
import { parseCsvRecords } from "./csv";
import { writeFileAtomic } from "./files";
import { chunkOf, chunkRange, type GithubRow, rawGithubUrl, sha256Hex, toClipRow } from "./github-clips";
import { mapLimit, run } from "./process";
import { startProgress } from "./progress";
import type { UnitRecord } from "./records";
import { decodeWav, encodeWav16 } from "./wav";

export type FetchBytes = (url: string) => Promise<Uint8Array>;

export const GITHUB_MANIFEST = join(import.meta.dirname, "github-manifest.csv");

const fetchFromNetwork: FetchBytes = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

export async function runGithubStage(ctx: BuildContext, fetchBytes: FetchBytes = fetchFromNetwork): Promise<{ records: UnitRecord[] }> {
  const all = parseCsvRecords(readFileSync(GITHUB_MANIFEST, "utf8")) as unknown as GithubRow[];
  const rows = Number.isFinite(ctx.limit) ? all.slice(0, ctx.limit * 4) : all;
  const progress = startProgress("github", rows.length);
  const records = await mapLimit(rows, ctx.jobs, async (row) => {
    const target = join(paths(ctx).clean, row.path);
    try {
      if (!existsSync(target)) writeFileAtomic(target, await obtainClip(row, ctx.dataDir, fetchBytes));
      return { key: row.path, rows: [toClipRow(row)] } satisfies UnitRecord;
    } catch (error) {
      return { key: row.path, rows: [], skipped: (error as Error).message.slice(0, 300) } satisfies UnitRecord;
    }
  }, () => progress.tick());
  progress.finish();
  return { records };
}

/** The bytes of one github clip: the shared copy when present, else rebuilt from the repository and checked. */
export async function obtainClip(row: GithubRow, dataDir: string, fetchBytes: FetchBytes): Promise<Uint8Array> {
  const expected = row.sha256;
  const shared = join(dataDir, row.path);
  if (existsSync(shared)) {
    const bytes = readFileSync(shared);
    if (expected && sha256Hex(bytes) !== expected) throw new Error(`${row.path}: shared copy differs from the recorded SHA-256`);
    return bytes;
  }
  if (!expected) throw new Error(`${row.path}: no recorded SHA-256, cannot check a download`);
  const original = await fetchBytes(rawGithubUrl(row.source_repo, row.commit, row.original_path));
  const converted = await convertLikeShared(original, row);
  const actual = sha256Hex(converted);
  if (actual !== expected) throw new Error(`${row.path}: rebuilt clip SHA-256 ${actual} differs from the recorded ${expected}`);
  return converted;
}

/** ffmpeg to 16 kHz mono s16 WAV (no loudness change), then the recorded chunk if the manifest names one. */
async function convertLikeShared(original: Uint8Array, row: GithubRow): Promise<Uint8Array> {
  const tmp = join("/tmp", `github-${process.pid}-${sha256Hex(original).slice(0, 16)}`);
  writeFileAtomic(tmp, original);
  try {
    const { stdout } = await run("ffmpeg", ["-nostdin", "-v", "error", "-i", tmp, "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-f", "wav", "-"]);
    const clip = decodeWav(stdout);
    const chunk = chunkOf(row.speaker_or_dataset);
    if (!chunk) return encodeWav16(clip);
    const [start, end] = chunkRange(clip.samples.length, chunk.index, chunk.count);
    return encodeWav16({ sampleRate: clip.sampleRate, samples: clip.samples.subarray(start, end) });
  } finally {
    rmSync(tmp, { force: true });
  }
}
