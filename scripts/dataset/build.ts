/**
 * `npm run dataset -- --out DIR`: rebuilds the training corpus from public packages (see README.md here and
 * ../shared/data/SOURCES.md). Stages: real sources, TTS, vocoder copies, github clips, channel, split, summary.
 * Every stage is resumable: finished units are logged under DIR/work/logs and skipped on the next run.
 */
import { cpus } from "node:os";
import { join } from "node:path";
import { parseOptions, UsageError } from "./cli-options";
import { type BuildContext, paths } from "./context";
import { writeFileAtomic } from "./files";
import { formatManifest, sortRows } from "./manifest";
import type { UnitRecord } from "./records";
import { checkRequirements, RequirementsError } from "./requirements";
import { assignSplits, formatSplit, groupRows } from "./split";
import { runChannelStage } from "./stage-channel";
import { runGithubStage } from "./stage-github";
import { runRealStage } from "./stage-real";
import { runTtsStage } from "./stage-tts";
import { runVocoderStage } from "./stage-vocoders";
import { formatSummary } from "./summary";

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), cpus().length);
    await checkRequirements(paths(options).debs);
  } catch (error) {
    if (error instanceof UsageError || error instanceof RequirementsError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const ctx: BuildContext = { outDir: options.outDir, dataDir: options.dataDir, seed: options.seed, limit: options.limit, jobs: options.jobs };
  const started = Date.now();
  const real = await runRealStage(ctx);
  const realRows = real.records.flatMap((r) => r.rows);
  const tts = await runTtsStage(ctx);
  const vocoders = await runVocoderStage(ctx, realRows);
  const github = await runGithubStage(ctx);
  const records: UnitRecord[] = [...real.records, ...tts.records, ...vocoders.records, ...github.records];
  const clean = sortRows(records.flatMap((r) => r.rows));
  const rows = sortRows(await runChannelStage(ctx, clean));

  const realTexts = new Map(real.records.filter((r) => r.text).flatMap((r) => r.rows.map((row) => [row.path, r.text!] as const)));
  const split = assignSplits(rows, groupRows(rows, realTexts), options.split, options.seed);
  writeFileAtomic(join(ctx.outDir, "manifest.csv"), formatManifest(rows));
  writeFileAtomic(join(ctx.outDir, "split.csv"), formatSplit(split));
  const skipped = records.filter((r) => r.skipped);
  writeFileAtomic(join(ctx.outDir, "skipped.csv"), ["key,reason", ...skipped.map((r) => `"${r.key.replace(/"/g, '""')}","${r.skipped!.replace(/"/g, '""').replace(/\n/g, " ")}"`)].join("\n") + "\n");
  const summary = formatSummary(rows) + `\nUnits that produced no clip: ${skipped.length} (see skipped.csv). Build time: ${((Date.now() - started) / 60000).toFixed(1)} min.\n`;
  writeFileAtomic(join(ctx.outDir, "summary.md"), summary);
  process.stdout.write(summary);
  return 0;
}

process.exitCode = await main();
