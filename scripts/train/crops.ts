/**
 * Which stretches of an analysed copy become training rows: the whole copy (what a short upload gives), one random
 * crop of 1.5-6 s (an upload of another length) and one random 2 s stretch (a timeline segment, scored by the
 * product from the frames of the whole clip), so every length the detector scores is in the training
 * distribution. A crop or segment is drawn only when the copy is longer than it.
 */
import type { Random } from "../lib/prng";

export type RowKind = "whole" | "crop" | "segment";
export const ROW_KINDS: readonly RowKind[] = ["whole", "crop", "segment"];

export const CROP_SECONDS: readonly [number, number] = [1.5, 6];
export const SEGMENT_SECONDS = 2;

export interface Stretch {
  kind: RowKind;
  /** Samples [start, end) of the analysed speech. */
  start: number;
  end: number;
}

export function drawStretches(nSamples: number, sampleRate: number, random: Random): Stretch[] {
  const stretches: Stretch[] = [{ kind: "whole", start: 0, end: nSamples }];
  const cropLength = Math.round((CROP_SECONDS[0] + (CROP_SECONDS[1] - CROP_SECONDS[0]) * random()) * sampleRate);
  const segmentLength = SEGMENT_SECONDS * sampleRate;
  for (const [kind, length] of [["crop", cropLength], ["segment", segmentLength]] as const) {
    const start = Math.floor(random() * (nSamples - length + 1));
    if (length < nSamples) stretches.push({ kind, start, end: start + length });
  }
  return stretches;
}
