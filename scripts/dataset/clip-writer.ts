/** Turns one conditioned clip into corpus files (chunked by the length rules) and their manifest rows. */
import { join } from "node:path";
import { planChunks } from "./chunking";
import { writeFileAtomic } from "./files";
import type { ClipRow } from "./manifest";
import { encodeWav16, type PcmClip } from "./wav";

export type RowTemplate = Omit<ClipRow, "path" | "duration_s" | "channel">;

/** Writes `<root>/<folder>/<stem><suffix>.wav` for each chunk; returns rows with paths relative to root. */
export function writeClips(root: string, folder: string, stem: string, clip: PcmClip, template: RowTemplate): ClipRow[] {
  return planChunks(clip.samples.length, clip.sampleRate).map((chunk) => {
    const path = `${folder}/${stem}${chunk.suffix}.wav`;
    const samples = clip.samples.subarray(chunk.startSample, chunk.endSample);
    writeFileAtomic(join(root, path), encodeWav16({ sampleRate: clip.sampleRate, samples }));
    return { ...template, path, duration_s: samples.length / clip.sampleRate, channel: "" };
  });
}
