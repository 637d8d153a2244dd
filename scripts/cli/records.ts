/**
 * One output record per input file, and its two encodings: JSON Lines (one object per line) and CSV (RFC 4180
 * quoting, header row first, the same columns in every row).
 */
import type { Segment, Verdict } from "../../src/detector/types";
import { formatCsvRow } from "../dataset/csv";
import type { AudioFormat } from "./sniff";
import type { FileErrorCode } from "./file-error";

export interface ScoredRecord {
  file: string;
  format: AudioFormat;
  verdict: Verdict;
  probability_fake: number;
  /** Seconds in the whole file. */
  duration_s: number;
  /** Seconds the verdict rests on: after trimming silence, capped at --max-seconds. */
  analyzed_s: number;
  /** Frames or packets the decoder skipped as damaged (always 0 for WAV). */
  decode_errors: number;
  /** Only with --segments. */
  segments?: Segment[];
}

export interface FailedRecord {
  file: string;
  /** Absent when the failure came before the format was known (unreadable or unsupported file). */
  format?: AudioFormat;
  error: string;
  code: FileErrorCode;
}

export type FileRecord = ScoredRecord | FailedRecord;

export function isFailed(record: FileRecord): record is FailedRecord {
  return "error" in record;
}

export function jsonLine(record: FileRecord): string {
  return `${JSON.stringify(record)}\n`;
}

const CSV_COLUMNS = ["file", "format", "verdict", "probability_fake", "duration_s", "analyzed_s", "decode_errors", "error", "code"] as const;

export function csvHeader(withSegments: boolean): string {
  return `${formatCsvRow(withSegments ? [...CSV_COLUMNS, "segments"] : CSV_COLUMNS)}\n`;
}

/** Empty cells for the fields a record does not have; segments as a JSON array in one quoted cell. */
export function csvLine(record: FileRecord, withSegments: boolean): string {
  const fields: Partial<Record<(typeof CSV_COLUMNS)[number], unknown>> = record;
  const cells = CSV_COLUMNS.map((column) => (fields[column] === undefined ? "" : String(fields[column])));
  if (withSegments) cells.push(isFailed(record) ? "" : JSON.stringify(record.segments ?? []));
  return `${formatCsvRow(cells)}\n`;
}
