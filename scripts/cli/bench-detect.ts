/**
 * Throughput of the real command: writes `--files` speech clips of `--seconds` each (speech-clips.ts: the golden
 * real speech, looped) in one format to a temporary folder, runs `npm run --silent detect` on the folder once, and
 * prints files per second and the real-time factor (audio seconds per second), process start and model load
 * included. Both wall-clock and CPU time (the command's processes, from /proc: Linux only) are given, since on a
 * shared machine the wall clock also counts other people's work. Formats other than WAV are encoded with ffmpeg.
 *
 *   npx tsx scripts/cli/bench-detect.ts [--files 200] [--seconds 10] [--format wav|flac|mp3|ogg-vorbis|ogg-opus] [--model DIR]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { speechClipWav, speechSource } from "../speech-clips";
import { type Encoding, ENCODINGS, encodeWithFfmpeg, makeTempDir, removeTempDirs, writeFile } from "./test-support";

const PROJECT = resolve(import.meta.dirname, "..", "..");

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const files = Number(flag("--files", "200"));
const seconds = Number(flag("--seconds", "10"));
const format = flag("--format", "wav") as Encoding | "wav";
const model = flag("--model", "");
if (format !== "wav" && !(format in ENCODINGS)) throw new Error(`--format must be wav or one of ${Object.keys(ENCODINGS).join(", ")}`);

/** CPU seconds (user + system) of this process's waited-for children: fields 16 and 17 of /proc/self/stat. */
function childrenCpuS(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  const ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
  return (Number(fields[13]) + Number(fields[14])) / ticks;
}

process.once("exit", removeTempDirs);
const dir = makeTempDir("bench-detect");
const wav = speechClipWav({ seconds });
const clip = format === "wav" ? wav : encodeWithFfmpeg(wav, format);
const extension = format === "wav" ? "wav" : ENCODINGS[format].extension;
for (let i = 0; i < files; i++) writeFile(dir, `clip-${String(i).padStart(5, "0")}.${extension}`, clip);

const cpuBefore = childrenCpuS();
const started = performance.now();
const run = spawnSync("npm", ["run", "--silent", "detect", "--", ...(model ? ["--model", resolve(model)] : []), dir], {
  cwd: PROJECT,
  encoding: "utf8",
  maxBuffer: 1 << 30,
});
const wallS = (performance.now() - started) / 1000;
const cpuS = childrenCpuS() - cpuBefore;
if (run.status === 2 || run.error) throw new Error(`detect failed: ${run.error?.message ?? run.stderr}`);

const records = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { duration_s?: number; error?: string });
const audioS = records.reduce((sum, r) => sum + (r.duration_s ?? 0), 0);
const errors = records.filter((r) => r.error !== undefined).length;
console.log(`source: ${speechSource()}; model: ${model || join(PROJECT, "models")}`);
console.log("| format | files | seconds each | errors | wall s | files/s (wall) | real time (wall) | CPU s | files/CPU s | real time (CPU) |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
const rates = (s: number) => `${s.toFixed(1)} | ${(records.length / s).toFixed(1)} | ${(audioS / s).toFixed(0)}x`;
console.log(`| ${format} | ${records.length} | ${seconds} | ${errors} | ${rates(wallS)} | ${rates(cpuS)} |`);
