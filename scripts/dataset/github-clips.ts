/**
 * The licensed GitHub clips of ../shared/data/github, included by its manifest. A clip is copied from the
 * shared folder when present; otherwise the original file is fetched at the pinned commit, converted the way
 * the shared copy was (ffmpeg to 16 kHz mono 16-bit PCM, long files cut into n equal chunks) and accepted only
 * if its SHA-256 equals the one recorded for the shared copy in github-manifest.csv (the shared manifest plus a
 * `sha256` column, committed so that the check works without the shared folder).
 */
import { createHash } from "node:crypto";
import type { ClipRow } from "./manifest";

export interface GithubRow {
  path: string;
  label: string;
  system: string;
  source_repo: string;
  commit: string;
  original_path: string;
  speaker_or_dataset: string;
  duration_s: string;
  orig_sample_rate: string;
  licence: string;
  sha256: string;
}

/** The raw file URL of a repository file at a commit (path segments percent-encoded). */
export function rawGithubUrl(repo: string, commit: string, originalPath: string): string {
  if (!/^[\w-][\w.-]*\/[\w-][\w.-]*$/.test(repo)) throw new Error(`not an owner/name repository: ${repo}`);
  if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`not a full commit hash: ${commit}`);
  return `https://raw.githubusercontent.com/${repo}/${commit}/${originalPath.split("/").map(encodeURIComponent).join("/")}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `[chunk i/n at a-b s of d s source]` in speaker_or_dataset: which equal part of the source this clip is. */
export function chunkOf(speakerOrDataset: string): { index: number; count: number } | undefined {
  const m = /\[chunk (\d+)\/(\d+) at /.exec(speakerOrDataset);
  return m ? { index: Number(m[1]) - 1, count: Number(m[2]) } : undefined;
}

/** Sample range of chunk `index` of `count` equal parts. */
export function chunkRange(length: number, index: number, count: number): [number, number] {
  return [Math.round((index * length) / count), Math.round(((index + 1) * length) / count)];
}

/** The corpus of a github real clip or reference, when it is one that appears in several repositories. */
export function sharedCorpus(speakerOrDataset: string): string | undefined {
  const text = speakerOrDataset.toLowerCase();
  if (/libri(speech|tts)/.test(text)) return "librispeech";
  if (text.includes("vctk")) return "vctk";
  if (/\blj ?speech\b|\blj\d{3}-/.test(text)) return "ljspeech";
  if (text.includes("arctic")) return "cmu-arctic";
  if (text.includes("aishell")) return "aishell";
  return undefined;
}

export function toClipRow(row: GithubRow): ClipRow {
  const fake = row.label === "fake";
  return {
    path: row.path,
    label: fake ? "fake" : "real",
    source: `github:${row.source_repo}`,
    speaker_or_voice: row.speaker_or_dataset.replace(/\s*\[chunk [^\]]*\]$/, ""),
    language: "und", // the github manifest records no language
    duration_s: Number(row.duration_s),
    sample_rate_orig: Number(row.orig_sample_rate),
    license: row.licence,
    derived_from: `github:${row.source_repo}@${row.commit}/${row.original_path}`,
    generator: fake ? row.system : "",
    channel: "",
  };
}
