/**
 * The clips training reads: ../shared/data (github/ with its own manifest columns, converted by toClipRow, and
 * local/ in the corpus format) and optionally a full corpus built by `npm run dataset`, whose clips went through
 * one label-blind channel chain each and whose pre-channel copies sit in work/clean/.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsvRecords } from "../dataset/csv";
import { type GithubRow, toClipRow } from "../dataset/github-clips";
import { type ClipRow, parseManifest } from "../dataset/manifest";

export interface TrainingClip {
  /** The manifest row; `path` (and a vocoder copy's parent) relative to the clip's own data root. */
  row: ClipRow;
  /** The clip as published, absolute. */
  file: string;
  /** The clip before its channel chain (corpus clips only), absolute. */
  cleanFile?: string;
  origin: "shared" | "corpus";
}

/** The clips of ../shared/data: github/manifest.csv and local/manifest.csv (paths relative to dataDir). */
export function loadSharedClips(dataDir: string): TrainingClip[] {
  const github = parseCsvRecords(readFileSync(join(dataDir, "github", "manifest.csv"), "utf8")).map((record) =>
    toClipRow(record as unknown as GithubRow),
  );
  const local = parseManifest(readFileSync(join(dataDir, "local", "manifest.csv"), "utf8"));
  return [...github, ...local].map((row) => ({ row, file: join(dataDir, row.path), origin: "shared" }));
}

/** The clips of a corpus folder (manifest.csv in the ClipRow format), with their pre-channel copies when present. */
export function loadCorpusClips(corpusDir: string): TrainingClip[] {
  return parseManifest(readFileSync(join(corpusDir, "manifest.csv"), "utf8")).map((row) => {
    const clean = join(corpusDir, "work", "clean", row.path);
    return { row, file: join(corpusDir, row.path), cleanFile: existsSync(clean) ? clean : undefined, origin: "corpus" };
  });
}

/** The system (fake) or source (real) a clip belongs to: the local generator or source, or the github repository. */
function producer(row: ClipRow): string {
  return row.label === "fake" ? row.generator || row.source : row.source;
}

/**
 * Shared and corpus clips without counting a recording twice. The corpus is the full build of which
 * ../shared/data/local is a subset (rebuilt, so names and vocoder parents differ) and it holds every github clip
 * under the same path: a shared clip is dropped when its path is in the corpus or, for local clips, when the
 * corpus has its source (real) or generator (fake) at all.
 */
export function mergeClips(shared: readonly TrainingClip[], corpus: readonly TrainingClip[]): TrainingClip[] {
  const paths = new Set(corpus.map((clip) => clip.row.path));
  const producers = new Set(corpus.map((clip) => `${clip.row.label}:${producer(clip.row)}`));
  const kept = shared.filter(({ row }) => {
    if (paths.has(row.path)) return false;
    return row.source.startsWith("github:") || !producers.has(`${row.label}:${producer(row)}`);
  });
  return [...corpus, ...kept];
}
