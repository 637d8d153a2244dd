/**
 * The corpus manifest: the columns of ../shared/data/local/manifest.csv, then `generator` (the synthesis or
 * vocoder system of a fake clip, empty for real clips) and `channel` (the channel chain applied, see channel.ts).
 * Paths are relative to the output folder.
 */
import { formatCsvRow, parseCsvRecords } from "./csv";

export const MANIFEST_COLUMNS = [
  "path",
  "label",
  "source",
  "speaker_or_voice",
  "language",
  "duration_s",
  "sample_rate_orig",
  "license",
  "derived_from",
  "generator",
  "channel",
] as const;

export type Label = "real" | "fake";

export interface ClipRow {
  path: string;
  label: Label;
  source: string;
  speaker_or_voice: string;
  language: string;
  duration_s: number;
  sample_rate_orig: number;
  license: string;
  derived_from: string;
  generator: string;
  channel: string;
}

export function formatManifest(rows: readonly ClipRow[]): string {
  const lines = [formatCsvRow(MANIFEST_COLUMNS)];
  for (const row of rows) {
    lines.push(
      formatCsvRow(
        MANIFEST_COLUMNS.map((column) => {
          const value = row[column];
          return column === "duration_s" ? (value as number).toFixed(3) : String(value);
        }),
      ),
    );
  }
  return lines.join("\n") + "\n";
}

export function parseManifest(text: string): ClipRow[] {
  return parseCsvRecords(text).map((r) => ({
    path: r.path,
    label: r.label === "fake" ? "fake" : "real",
    source: r.source,
    speaker_or_voice: r.speaker_or_voice,
    language: r.language,
    duration_s: Number(r.duration_s),
    sample_rate_orig: Number(r.sample_rate_orig),
    license: r.license,
    derived_from: r.derived_from,
    generator: r.generator ?? (r.label === "fake" ? r.source : ""),
    channel: r.channel ?? "",
  }));
}

/** Rows sorted by path, so the manifest text does not depend on the order in which parallel jobs finished. */
export function sortRows(rows: readonly ClipRow[]): ClipRow[] {
  return rows.slice().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The parent clip path of a vocoder copy (`derived_from = parent:<path>`), or undefined. */
export function parentOf(row: Pick<ClipRow, "derived_from">): string | undefined {
  return row.derived_from.startsWith("parent:") ? row.derived_from.slice("parent:".length) : undefined;
}
