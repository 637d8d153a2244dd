/**
 * All training rows of a set of clips in flat arrays: the feature matrix (one row per copy and stretch, see
 * clip-rows.ts), which clip, copy and kind each row is, the rows' cues, and per clip the tile vectors validation
 * scores (copy 0) with their cues, the seed vector and the raw cues. Clips whose published copy the detector would refuse (too
 * little sound after trimming) are set aside: they can be neither scored nor counted.
 */
import type { FeatureMatrix } from "../lib/dataset";
import { SEED_FEATURE_NAMES } from "../../src/features/seed";
import { SUMMARY_NAMES } from "../../src/detector/summary";
import type { ClipRows } from "./clip-rows";
import type { TrainingClip } from "./clips";
import { CUE_NAMES } from "./cues";

export interface FeatureTable {
  clips: TrainingClip[];
  /** Per clip: 1 = fake. */
  labels: Uint8Array;
  x: FeatureMatrix;
  cues: FeatureMatrix;
  rowClip: Int32Array;
  rowCopy: Uint8Array;
  rowKind: Uint8Array;
  /** Per clip: the row of its published copy's whole-clip vector (its cues are the clip's). */
  publishedRow: Int32Array;
  /** The published copies' tile vectors, what validation scores: clip c's are rows tileStart[c] to tileStart[c + 1]. */
  tileX: FeatureMatrix;
  tileStart: Int32Array;
  /** The same tiles' cues. */
  tileCues: FeatureMatrix;
  /** Per clip: the seed's 46 values and the raw cues. */
  seedX: FeatureMatrix;
  rawCues: FeatureMatrix;
  /** Per clip: the names of its copies (index = rowCopy). */
  copyNames: string[][];
  /** Clips left out because their published copy is refused by the detector. */
  refused: TrainingClip[];
}

/** The matrix whose rows are the parts' rows in turn (each part row-major, nCols per row). */
export function concatRows(parts: readonly Float32Array[], nCols: number): FeatureMatrix {
  const values = new Float32Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    values.set(part, offset);
    offset += part.length;
  }
  return { nRows: values.length / nCols, nCols, values };
}

export function buildFeatureTable(clips: readonly TrainingClip[], rows: readonly ClipRows[]): FeatureTable {
  const kept = clips.map((_, i) => i).filter((i) => rows[i].publishedAnalysed);
  const keptRows = kept.map((i) => rows[i]);
  const rowClip: number[] = [];
  const publishedRow = new Int32Array(kept.length);
  let nRows = 0;
  keptRows.forEach((r, c) => {
    publishedRow[c] = nRows; // copy 0's whole row comes first when copy 0 was analysed
    for (let k = 0; k < r.copyOfRow.length; k++) rowClip.push(c);
    nRows += r.copyOfRow.length;
  });
  const tileStart = new Int32Array(kept.length + 1);
  keptRows.forEach((r, c) => (tileStart[c + 1] = tileStart[c] + r.tiles.length / SUMMARY_NAMES.length));
  const seedValues = new Float32Array(kept.length * SEED_FEATURE_NAMES.length);
  keptRows.forEach((r, c) => seedValues.set(r.seedVector, c * SEED_FEATURE_NAMES.length));
  return {
    clips: kept.map((i) => clips[i]),
    labels: Uint8Array.from(kept, (i) => Number(clips[i].row.label === "fake")),
    x: concatRows(keptRows.map((r) => r.vectors), SUMMARY_NAMES.length),
    cues: concatRows(keptRows.map((r) => r.cues), CUE_NAMES.length),
    rowClip: Int32Array.from(rowClip),
    rowCopy: Uint8Array.from(keptRows.flatMap((r) => [...r.copyOfRow])),
    rowKind: Uint8Array.from(keptRows.flatMap((r) => [...r.kindOfRow])),
    publishedRow,
    tileX: concatRows(keptRows.map((r) => r.tiles), SUMMARY_NAMES.length),
    tileStart,
    tileCues: concatRows(keptRows.map((r) => r.tileCues), CUE_NAMES.length),
    seedX: { nRows: kept.length, nCols: SEED_FEATURE_NAMES.length, values: seedValues },
    rawCues: concatRows(keptRows.map((r) => r.rawCues), CUE_NAMES.length),
    copyNames: keptRows.map((r) => r.copies),
    refused: clips.filter((_, i) => !rows[i].publishedAnalysed),
  };
}
