/** Stage "channel": one label-blind channel per clip, from work/clean/<path> to <out>/<path>. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addWhiteNoise, channelCommands, chooseChannel, noiseRandom } from "./channel";
import { conditionWav } from "./condition";
import { type BuildContext, paths } from "./context";
import { writeFileAtomic } from "./files";
import type { ClipRow } from "./manifest";
import { mapLimit, run } from "./process";
import { startProgress } from "./progress";
import { StageLog } from "./records";
import { decodeWav, encodeWav16 } from "./wav";

export async function runChannelStage(ctx: BuildContext, rows: readonly ClipRow[]): Promise<ClipRow[]> {
  const log = new StageLog(join(paths(ctx).logs, "channel.jsonl"), ctx.outDir);
  const progress = startProgress("channel", rows.length);
  const out = await mapLimit(rows, ctx.jobs, async (row) => {
    const finished = log.finished(row.path);
    if (finished) return finished.rows[0];
    const channel = chooseChannel(row.path, ctx.seed);
    let bytes: Uint8Array = readFileSync(join(paths(ctx).clean, row.path));
    if (channel.kind === "noise") {
      const clip = decodeWav(bytes);
      bytes = encodeWav16({ sampleRate: clip.sampleRate, samples: addWhiteNoise(clip.samples, channel.setting!, noiseRandom(row.path, ctx.seed)) });
    }
    for (const [program, args] of channelCommands(channel)) bytes = (await run(program, args, { input: bytes })).stdout;
    const clip = await conditionWav(bytes, false);
    writeFileAtomic(join(ctx.outDir, row.path), encodeWav16(clip));
    const done: ClipRow = { ...row, channel: channel.name, duration_s: clip.samples.length / clip.sampleRate };
    log.add({ key: row.path, rows: [done] });
    return done;
  }, () => progress.tick());
  progress.finish();
  return out;
}
