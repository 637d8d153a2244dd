/**
 * Length rules of SOURCES.md §2.3: clips under 1 s are dropped; clips over 10 s are cut into n = ceil(d / 8)
 * equal chunks of d / n seconds, named `_c0`, `_c1`, ...; the manifest keeps 1.0–10.05 s.
 */
export const MIN_CLIP_S = 1.0;
export const MAX_UNCUT_S = 10.0;
export const CHUNK_TARGET_S = 8.0;
export const MAX_KEPT_S = 10.05;

export interface ChunkPlan {
  /** Name suffix: "" for an uncut clip, `_c<i>` for chunk i. */
  suffix: string;
  startSample: number;
  endSample: number;
}

/** Chunk boundaries for a clip of `length` samples at `sampleRate`; empty when the clip is too short. */
export function planChunks(length: number, sampleRate: number): ChunkPlan[] {
  const seconds = length / sampleRate;
  if (seconds < MIN_CLIP_S) return [];
  if (seconds <= MAX_UNCUT_S) return [{ suffix: "", startSample: 0, endSample: length }];
  const n = Math.ceil(seconds / CHUNK_TARGET_S);
  return Array.from({ length: n }, (_, i) => ({
    suffix: `_c${i}`,
    startSample: Math.round((i * length) / n),
    endSample: Math.round(((i + 1) * length) / n),
  }));
}

/** Whether a finished clip's duration is inside the kept range. */
export function isKeptDuration(seconds: number): boolean {
  return seconds >= MIN_CLIP_S && seconds <= MAX_KEPT_S;
}
