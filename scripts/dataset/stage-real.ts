/** Stage "real": unpack the packages, probe, select per group (seed 1234), condition and chunk every input. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stemFromPath } from "./clip-name";
import { conditionFile } from "./condition";
import { type BuildContext, paths } from "./context";
import { listFiles, unpackDeb } from "./debian";
import { writeFileAtomic } from "./files";
import { parseQueenTable, speechEntries } from "./fotaq";
import type { ClipRow } from "./manifest";
import { stageSeed } from "./prng";
import { probeDurations } from "./probe";
import { mapLimit, run } from "./process";
import { startProgress } from "./progress";
import { capFor, type Candidate, type PackageFiles, REAL_SOURCES, type RealSource } from "./real-sources";
import { StageLog, type UnitRecord } from "./records";
import { selectPerGroup } from "./selection";
import { writeClips } from "./clip-writer";

export const REAL_SELECTION_SEED = 1234;
const FESTVOX_RU_WAV = "usr/share/festival/voices/russian/msu_ru_nsh_clunits/wav";

export interface StageOutput {
  records: UnitRecord[];
}

export async function runRealStage(ctx: BuildContext, sources: readonly RealSource[] = REAL_SOURCES): Promise<StageOutput> {
  const p = paths(ctx);
  const records: UnitRecord[] = [];
  for (const source of sources) {
    const packages = await packageFilesFor(ctx, source);
    const candidates = source.candidates(packages, (f) => readFileSync(f, "utf8"));
    const durations = await cachedDurations(ctx, source.name, candidates);
    const long = candidates.filter((c) => (durations.get(c.key) ?? 0) >= 1.0);
    const selected = selectPerGroup(long, capFor(source.capScale), stageSeed(REAL_SELECTION_SEED, ctx.seed)).slice(0, ctx.limit);
    const log = new StageLog(join(p.logs, `real-${source.name}.jsonl`), p.clean);
    const progress = startProgress(source.name, selected.length);
    const done = await mapLimit(selected, ctx.jobs, (c) => conditionCandidate(ctx, source, c, log), () => progress.tick());
    progress.finish();
    process.stderr.write(`  ${source.name}: ${candidates.length} pattern files, ${long.length} >= 1 s, ${selected.length} selected, ${done.reduce((n, r) => n + r.rows.length, 0)} clips\n`);
    records.push(...done);
  }
  return { records };
}

async function conditionCandidate(ctx: BuildContext, source: RealSource, c: Candidate, log: StageLog): Promise<UnitRecord> {
  const finished = log.finished(c.key);
  if (finished) return { ...finished, text: c.text }; // the text comes from the package, not from the log
  let rows: ClipRow[] = [];
  let skipped: string | undefined;
  try {
    const { clip, sampleRateOrig } = await conditionFile(c.file, c.hint);
    rows = writeClips(paths(ctx).clean, `real/${source.name}`, stemFromPath(c.key, c.keepExtension), clip, {
      label: "real",
      source: source.name,
      speaker_or_voice: c.speaker,
      language: c.language,
      sample_rate_orig: sampleRateOrig,
      license: source.license,
      derived_from: `${source.derivedPrefix}${c.key}`,
      generator: "",
    });
    if (rows.length === 0) skipped = "shorter than 1 s after conditioning";
  } catch (error) {
    skipped = `decode failed: ${(error as Error).message.slice(0, 200)}`;
  }
  const record: UnitRecord = { key: c.key, rows, skipped, text: c.text };
  log.add(record);
  return record;
}

async function cachedDurations(ctx: BuildContext, name: string, candidates: readonly Candidate[]): Promise<Map<string, number>> {
  const file = join(paths(ctx).work, "probe", `${name}.json`);
  const cached: Record<string, number> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const missing = candidates.filter((c) => !(c.key in cached));
  if (missing.length > 0) {
    const values = await probeDurations(missing, ctx.jobs);
    missing.forEach((c, i) => (cached[c.key] = values[i]));
    writeFileAtomic(file, JSON.stringify(cached));
  }
  return new Map(Object.entries(cached));
}

/** The unpacked file lists a source reads, including the pseudo-packages made from archives inside packages. */
async function packageFilesFor(ctx: BuildContext, source: RealSource): Promise<PackageFiles[]> {
  const p = paths(ctx);
  const out: PackageFiles[] = [];
  for (const name of source.packages) {
    const root = await unpackDeb(name, p.debs, p.extract);
    out.push({ name, root, files: listFiles(root) });
  }
  if (source.name === "warzone2100") out.push(await warzoneAudio(ctx, out[0].root));
  if (source.name === "fotaq") out.push(fotaqSpeech(ctx, out[0].root));
  if (source.name === "festvox-ru-db") {
    // Installed with the festival voice (SOURCES.md §1); the package root is the file system root.
    out.push({ name: "festvox-ru", root: "", files: listFiles(`/${FESTVOX_RU_WAV}`).map((f) => `${FESTVOX_RU_WAV}/${f}`) });
  }
  return out;
}

async function warzoneAudio(ctx: BuildContext, packageRoot: string): Promise<PackageFiles> {
  const target = join(paths(ctx).extract, "warzone2100-audio");
  if (!existsSync(target)) {
    const tmp = `${target}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    await run("unzip", ["-q", join(packageRoot, "usr/share/games/warzone2100/base.wz"), "audio/*", "sequenceaudio/*", "-d", tmp]);
    renameSync(tmp, target);
  }
  return { name: "warzone2100-audio", root: target, files: listFiles(target) };
}

function fotaqSpeech(ctx: BuildContext, packageRoot: string): PackageFiles {
  const target = join(paths(ctx).extract, "fotaq-speech");
  if (!existsSync(target)) {
    const bytes = readFileSync(join(packageRoot, "usr/share/scummvm/flight-of-the-amazon-queen/queen.1c"));
    const table = parseQueenTable(bytes);
    if (table.compression !== 1) throw new Error(`queen.1c compression ${table.compression}, expected 1 (MP3)`);
    const tmp = `${target}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    for (const entry of speechEntries(table)) {
      writeFileAtomic(join(tmp, entry.name.replace(/\.SB$/i, ".mp3")), bytes.subarray(entry.offset, entry.offset + entry.size));
    }
    renameSync(tmp, target);
  }
  return { name: "fotaq-speech", root: target, files: listFiles(target) };
}
