/** Stage "vocoders": LPCNet, Codec 2 and mel + Griffin-Lim copies of real clips, conditioned like the rest. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { planChunks } from "./chunking";
import { childStem } from "./clip-name";
import { conditionWav, ffmpegDecodeArgs } from "./condition";
import { type BuildContext, paths } from "./context";
import { scaleToPeak, griffinLimCopy } from "./griffin-lim";
import type { ClipRow } from "./manifest";
import { mulberry32, stageSeed } from "./prng";
import { mapLimit, run } from "./process";
import { startProgress } from "./progress";
import { StageLog, type UnitRecord } from "./records";
import { planVocoderCopies, type VocoderPlan } from "./vocoder-parents";
import { decodeWav, encodeWav16, fromS16le, toS16le, type PcmClip } from "./wav";
import { writeClips } from "./clip-writer";

export async function runVocoderStage(ctx: BuildContext, realClips: readonly ClipRow[]): Promise<{ records: UnitRecord[] }> {
  const p = paths(ctx);
  const driver = await buildLpcnetDriver(p.tools);
  const plans = planVocoderCopies(realClips, ctx.seed);
  const limited = Number.isFinite(ctx.limit) ? (["lpcnet", "codec2", "griffinlim"] as const).flatMap((v) => plans.filter((x) => x.vocoder === v).slice(0, ctx.limit)) : plans;
  const log = new StageLog(join(p.logs, "vocoders.jsonl"), p.clean);
  const progress = startProgress("vocoders", limited.length);
  const records = await mapLimit(limited, ctx.jobs, (plan) => copyOne(ctx, plan, driver, log), () => progress.tick());
  progress.finish();
  return { records };
}

function unitKey(plan: VocoderPlan): string {
  return `${plan.vocoder}${plan.mode ? `-${plan.mode}` : ""}/${plan.parent.path}`;
}

async function copyOne(ctx: BuildContext, plan: VocoderPlan, driver: string, log: StageLog): Promise<UnitRecord> {
  const key = unitKey(plan);
  const finished = log.finished(key);
  if (finished) return finished;
  const parent = decodeWav(readFileSync(join(paths(ctx).clean, plan.parent.path)));
  let rows: ClipRow[] = [];
  let skipped: string | undefined;
  try {
    const copy = await vocode(plan, parent, driver);
    const conditioned = await conditionWav(encodeWav16(copy));
    const parentStem = plan.parent.path.slice(plan.parent.path.lastIndexOf("/") + 1).replace(/\.wav$/, "");
    const labels = VOCODER_LABELS[plan.vocoder](plan.mode);
    // A copy is kept only whole, never cut: chunks would not map one-to-one to the parent.
    if (planChunks(conditioned.samples.length, conditioned.sampleRate).length === 1) {
      rows = writeClips(paths(ctx).clean, `fake/${plan.vocoder}`, childStem(labels.prefix, parentStem), conditioned, {
        label: "fake",
        source: plan.vocoder,
        speaker_or_voice: `${labels.voice} <- ${plan.parent.speaker_or_voice}`,
        language: plan.parent.language,
        sample_rate_orig: copy.sampleRate,
        license: `${labels.license}; source audio: ${plan.parent.license}`,
        derived_from: `parent:${plan.parent.path}`,
        generator: plan.vocoder,
      });
    }
    if (rows.length === 0) skipped = "copy outside 1-10 s after conditioning";
  } catch (error) {
    skipped = `vocoder failed: ${(error as Error).message.slice(0, 200)}`;
  }
  const record: UnitRecord = { key, rows, skipped };
  log.add(record);
  return record;
}

const VOCODER_LABELS: Record<VocoderPlan["vocoder"], (mode: string) => { prefix: string; voice: string; license: string }> = {
  lpcnet: () => ({ prefix: "lpcnet", voice: "lpcnet-freedv2020", license: "LPCNet (BSD) in libcodec2 (LGPL-2.1)" }),
  codec2: (mode) => ({ prefix: `codec2-${mode}`, voice: `codec2-${mode}`, license: "codec2 (LGPL-2.1)" }),
  griffinlim: () => ({ prefix: "griffinlim", voice: "mel80-GL32", license: "own script" }),
};

async function vocode(plan: VocoderPlan, parent: PcmClip, driver: string): Promise<PcmClip> {
  if (plan.vocoder === "griffinlim") {
    const copy = griffinLimCopy(parent.samples, mulberry32(stageSeed(5, 0)));
    return { sampleRate: parent.sampleRate, samples: scaleToPeak(copy, 0.9) };
  }
  if (plan.vocoder === "lpcnet") {
    // 6 dB down first: LPCNet saturates on full-scale input.
    const input = toS16le(parent.samples.map((x) => x * 0.5));
    const { stdout } = await run(driver, [], { input });
    return fromS16le(stdout, 16000);
  }
  const narrow = await run("sox", ["-V1", "-t", "wav", "-", "-t", "raw", "-e", "signed-integer", "-b", "16", "-c", "1", "-", "rate", "-v", "8000"], { input: encodeWav16(parent) });
  const dir = join("/tmp", `codec2-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, "in.raw"), narrow.stdout);
    await run("c2enc", [plan.mode, join(dir, "in.raw"), join(dir, "out.c2")]);
    await run("c2dec", [plan.mode, join(dir, "out.c2"), join(dir, "out.raw")]);
    const decoded = await run("ffmpeg", ffmpegDecodeArgs(join(dir, "out.raw"), { s16leRate: 8000 }));
    return decodeWav(decoded.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compiles the 20-line LPCNet driver against libcodec2 once. */
async function buildLpcnetDriver(toolsDir: string): Promise<string> {
  const binary = join(toolsDir, "lpcnet-copy");
  if (existsSync(binary)) return binary;
  mkdirSync(toolsDir, { recursive: true });
  await run("gcc", ["-O2", "-o", binary, join(import.meta.dirname, "lpcnet-copy.c"), "-lcodec2"]);
  return binary;
}
