/**
 * The length probe that precedes selection (SOURCES.md §2.3: inputs under 1 s are skipped). Raw codecs are
 * measured from their size; everything else with `soxi -D`, many files per call.
 */
import { statSync } from "node:fs";
import type { DecodeHint } from "./condition";
import { mapLimit, run } from "./process";

/** Seconds of a raw-codec file from its byte size, or undefined when the container must be read. */
export function durationFromSize(bytes: number, hint: DecodeHint): number | undefined {
  if (hint === "g722") return bytes / 8000; // 64 kbit/s
  if (hint === "gsm") return (bytes / 33) * 0.02; // 33-byte frames of 20 ms
  if (typeof hint === "object") return bytes / 2 / hint.s16leRate;
  return undefined;
}

export async function probeDurations(inputs: readonly { file: string; hint: DecodeHint }[], concurrency: number): Promise<number[]> {
  const out = new Array<number>(inputs.length).fill(0);
  const viaSoxi: number[] = [];
  inputs.forEach((input, i) => {
    const fromSize = durationFromSize(statSync(input.file).size, input.hint);
    if (fromSize === undefined) viaSoxi.push(i);
    else out[i] = fromSize;
  });
  const batches: number[][] = [];
  for (let i = 0; i < viaSoxi.length; i += 200) batches.push(viaSoxi.slice(i, i + 200));
  await mapLimit(batches, concurrency, async (batch) => {
    const values = await soxiBatch(batch.map((i) => inputs[i].file));
    batch.forEach((index, k) => (out[index] = values[k]));
  });
  return out;
}

/** `soxi -D` on several files; a file sox cannot read counts as 0 s (and is then skipped like a short one). */
async function soxiBatch(files: readonly string[]): Promise<number[]> {
  try {
    const { stdout } = await run("soxi", ["-D", ...files]);
    const values = stdout.toString().trim().split("\n").map(Number);
    if (values.length === files.length) return values;
  } catch {
    // fall through to one call per file, so one bad file does not sink its batch
  }
  return Promise.all(
    files.map(async (f) => {
      try {
        return Number((await run("soxi", ["-D", f])).stdout.toString().trim()) || 0;
      } catch {
        return 0;
      }
    }),
  );
}
