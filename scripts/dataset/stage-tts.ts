/** Stage "tts": synthesise every planned job with its engine, then condition and chunk like real clips. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { conditionFile } from "./condition";
import { type BuildContext, paths } from "./context";
import { extractMembers, listFiles, unpackDeb } from "./debian";
import type { ClipRow } from "./manifest";
import { hashString } from "./prng";
import { mapLimit, run } from "./process";
import { startProgress } from "./progress";
import { StageLog, type UnitRecord } from "./records";
import { buildPool, tuxDescriptions } from "./text-pool";
import { type Engine, FESTIVAL_VOICES, planEspeak, planFestival, planFlite, planNpmEngines, type Pools, type TtsJob } from "./tts-jobs";
import { writeClips } from "./clip-writer";

export const CSTR_HTSVOICE = "usr/share/games/flightgear/ATC/cstr_uk_female-1.0.htsvoice";
const POOL_LANGUAGES = ["en", "es", "fr", "it", "ru", "cs", "nl", "de", "ro", "ca", "bg", "el", "da", "be", "lt"];

/** Festival voices do not read UTF-8 uniformly (SOURCES.md §4): the iconv target per language. */
export const FESTIVAL_ENCODING: Record<string, string> = { cs: "ISO-8859-2", it: "ISO-8859-1", ca: "ISO-8859-1", en: "ASCII//TRANSLIT", ru: "UTF-8" };

const LICENSES: Record<Exclude<Engine, "festival">, string> = {
  "espeak-ng": "espeak-ng (GPL-3+)",
  flite: "flite (BSD-like, CMU)",
  "sam-js": "sam-js (see its README; SAM 1982 reverse-engineered)",
  gnuspeech: "GnuSpeech (GPL-3.0)",
  mespeak: "meSpeak (GPL-3)",
};

export async function runTtsStage(ctx: BuildContext): Promise<{ records: UnitRecord[] }> {
  const p = paths(ctx);
  const pools = await buildPools(ctx);
  const variants = readdirSync(join(await espeakDataDir(), "voices", "!v")).sort();
  const englishLines = readLines(join(ctx.dataDir, "texts/en.txt"));
  const groups: [Engine | "npm", TtsJob[]][] = [
    ["espeak-ng", limitPerVoice(planEspeak(pools, variants, ctx.seed), ctx.limit, (j) => j.language)],
    ["festival", limitPerVoice(planFestival(pools, ctx.seed), ctx.limit, (j) => j.voice)],
    ["flite", limitPerVoice(planFlite(pools, ctx.seed), ctx.limit, (j) => j.voice)],
    ["npm", limitPerVoice(planNpmEngines(englishLines, ctx.seed), ctx.limit, (j) => j.engine)],
  ];
  if (groups[1][1].some((j) => j.voice === "cstr_uk_female_hts")) {
    await extractMembers("flightgear-data-base", [CSTR_HTSVOICE, "usr/share/doc/flightgear-data-base/copyright"], p.debs, join(p.extract, "flightgear-data-base"));
  }
  const records: UnitRecord[] = [];
  for (const [name, jobs] of groups) {
    const log = new StageLog(join(p.logs, `tts-${name}.jsonl`), p.clean);
    const progress = startProgress(name, jobs.length);
    const todo = jobs.filter((j) => !log.finished(jobKey(j)));
    records.push(...jobs.flatMap((j) => log.finished(jobKey(j)) ?? []));
    progress.tick(jobs.length - todo.length);
    if (name === "npm") records.push(...(await runNpmJobs(ctx, todo, log, () => progress.tick())));
    else records.push(...(await mapLimit(todo, ctx.jobs, (job) => synthesiseAndCondition(ctx, job, log, (out) => runEngine(ctx, job, out)), () => progress.tick())));
    progress.finish();
  }
  return { records };
}

/** espeak-ng's data folder as the program reports it (`… Data at: <dir>`), which differs per architecture. */
export async function espeakDataDir(): Promise<string> {
  const { stdout } = await run("espeak-ng", ["--version"]);
  const m = /Data at:\s*(\S+)/.exec(stdout.toString());
  if (!m) throw new Error("espeak-ng --version did not name its data folder");
  return m[1];
}

async function buildPools(ctx: BuildContext): Promise<Pools> {
  const tux = await unpackDeb("tuxpaint-stamps-default", paths(ctx).debs, paths(ctx).extract);
  const stampTexts = listFiles(tux)
    .filter((f) => f.startsWith("usr/share/tuxpaint/stamps/") && f.endsWith(".txt"))
    .map((f) => readFileSync(join(tux, f), "utf8"));
  const pools: Record<string, string[]> = {};
  for (const lang of POOL_LANGUAGES) {
    const file = join(ctx.dataDir, "texts", `${lang}.txt`);
    pools[lang] = buildPool(existsSync(file) ? readLines(file) : [], tuxDescriptions(stampTexts, lang));
  }
  pools.ru_db = buildPool(readLines(join(ctx.dataDir, "texts/ru_festvox_transcripts.txt")), []);
  return pools;
}

function readLines(file: string): string[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
}

/** During development, at most `limit` jobs per voice (or language, or engine). */
function limitPerVoice(jobs: TtsJob[], limit: number, key: (j: TtsJob) => string): TtsJob[] {
  if (!Number.isFinite(limit)) return jobs;
  const seen = new Map<string, number>();
  return jobs.filter((j) => {
    const n = seen.get(key(j)) ?? 0;
    seen.set(key(j), n + 1);
    return n < limit;
  });
}

async function synthesiseAndCondition(ctx: BuildContext, job: TtsJob, log: StageLog, synthesise: (out: string) => Promise<void>): Promise<UnitRecord> {
  const tmpDir = join(paths(ctx).work, "tmp", job.id.replace(/\//g, "_"));
  mkdirSync(tmpDir, { recursive: true });
  const raw = join(tmpDir, "engine.wav");
  try {
    await synthesise(raw);
    return await conditionEngineOutput(ctx, job, raw, log);
  } catch (error) {
    const record: UnitRecord = { key: jobKey(job), rows: [], skipped: `engine failed: ${(error as Error).message.slice(0, 200)}` };
    log.add(record);
    return record;
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

async function conditionEngineOutput(ctx: BuildContext, job: TtsJob, raw: string, log: StageLog): Promise<UnitRecord> {
  let rows: ClipRow[] = [];
  let skipped: string | undefined;
  if (!existsSync(raw) || readFileSync(raw).length <= 44) skipped = "engine wrote no audio";
  else {
    const { clip, sampleRateOrig } = await conditionFile(raw);
    rows = writeClips(paths(ctx).clean, `fake/${job.engine}`, clipStem(job), clip, {
      label: "fake",
      source: job.engine,
      speaker_or_voice: job.voice,
      language: job.language,
      sample_rate_orig: sampleRateOrig,
      license: job.engine === "festival" ? FESTIVAL_VOICES.find((v) => v.name === job.voice)!.license : LICENSES[job.engine],
      derived_from: `text:${job.text.slice(0, 120)}`,
      generator: job.engine,
    });
    if (rows.length === 0) skipped = "shorter than 1 s after conditioning";
  }
  const record: UnitRecord = { key: jobKey(job), rows, skipped };
  log.add(record);
  return record;
}

/** The resume key: the job id plus a hash of its whole plan, so a changed plan is never served from the log. */
export function jobKey(job: TtsJob): string {
  return `${job.id}#${hashString(JSON.stringify(job)).toString(16)}`;
}

/** `<engine>_<voice>_<lang>_<job>` with characters unsafe in names replaced. */
export function clipStem(job: TtsJob): string {
  const index = job.id.slice(job.id.lastIndexOf("-") + 1).replace(/^.*\//, "");
  const run = job.id.includes("/topup-") ? "t" : "";
  return `${job.engine}_${job.voice}_${job.language}_${run}${index}`.replace(/[^A-Za-z0-9_.@-]+/g, "-");
}

async function runEngine(ctx: BuildContext, job: TtsJob, out: string): Promise<void> {
  const dir = join(out, "..");
  if (job.engine === "espeak-ng") {
    await run("espeak-ng", ["-v", job.voice, "-s", String(job.params.speed), "-p", String(job.params.pitch), "-w", out, ` ${job.text}`]);
  } else if (job.engine === "flite") {
    const textFile = await encodedTextFile(dir, job.text, "ASCII//TRANSLIT");
    await run("flite", ["-voice", job.voice, "--setf", `duration_stretch=${job.params.stretch}`, "-f", textFile, "-o", out]);
  } else if (job.engine === "festival") {
    const textFile = await encodedTextFile(dir, job.text, FESTIVAL_ENCODING[job.language]);
    await run("text2wave", ["-o", out, ...festivalVoiceEval(job.voice, join(paths(ctx).extract, "flightgear-data-base", CSTR_HTSVOICE)), "-eval", `(Parameter.set 'Duration_Stretch ${job.params.stretch})`, textFile], { cwd: dir });
  } else throw new Error(`no command-line runner for ${job.engine}`);
}

/** The `-eval` arguments selecting a festival voice; cstr_uk_female runs through the slt HTS voice with its own model. */
export function festivalVoiceEval(voice: string, cstrModel: string): string[] {
  if (voice !== "cstr_uk_female_hts") return ["-eval", `(voice_${voice})`];
  return ["-eval", "(voice_cmu_us_slt_arctic_hts)", "-eval", `(set! hts_engine_params (list (list "-m" "${cstrModel}") '("-g" 0.0) '("-b" 0.0) '("-u" 0.5)))`];
}

async function encodedTextFile(dir: string, text: string, encoding: string): Promise<string> {
  const file = join(dir, "text.txt");
  const { stdout } = await run("iconv", ["-c", "-f", "UTF-8", "-t", encoding], { input: new TextEncoder().encode(`${text}\n`) });
  writeFileSync(file, stdout);
  return file;
}

/** The npm engines run in child processes, at most 60 jobs each (mespeak's limit). */
async function runNpmJobs(ctx: BuildContext, jobs: TtsJob[], log: StageLog, tick: () => void): Promise<UnitRecord[]> {
  const p = paths(ctx);
  await ensureNpmEngines(p.npm);
  const batches: TtsJob[][] = [];
  for (let i = 0; i < jobs.length; i += 60) batches.push(jobs.slice(i, i + 60));
  const records: UnitRecord[] = [];
  for (const batch of batches) {
    const dir = join(p.work, "tmp", "npm");
    mkdirSync(dir, { recursive: true });
    const outs = batch.map((j) => join(dir, `${j.id.replace(/\//g, "_")}.wav`));
    const payload = { npmDir: p.npm, jobs: batch.map((j, i) => ({ engine: j.engine, text: j.text, params: { ...j.params, voice: j.voice }, out: outs[i] })) };
    await run(process.execPath, ["--import", "tsx", join(import.meta.dirname, "npm-tts-child.ts")], { input: new TextEncoder().encode(JSON.stringify(payload)) });
    records.push(...(await mapLimit(batch, ctx.jobs, (job, i) => conditionEngineOutput(ctx, job, outs[i], log), tick)));
    rmSync(dir, { recursive: true, force: true });
  }
  return records;
}

export const NPM_ENGINES = ["sam-js@0.3.1", "@echogarden/gnuspeech-wasm@0.3.0", "mespeak@2.0.2"];

/** Installs the npm engines into a scratch folder under the output (never into the project). */
async function ensureNpmEngines(dir: string): Promise<void> {
  if (NPM_ENGINES.every((spec) => existsSync(join(dir, "node_modules", spec.slice(0, spec.lastIndexOf("@")), "package.json")))) return;
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, "package.json"))) writeFileSync(join(dir, "package.json"), '{"name":"tts-scratch","private":true}\n');
  await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save", ...NPM_ENGINES], { cwd: dir });
}
