/** The real command through npm, as a user or the held-out scoring runs it: `npm run --silent detect -- ...`. */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, noise, removeTempDirs, wavBytes, writeFile, writeTestModel } from "./test-support";

afterAll(removeTempDirs);

const project = join(import.meta.dirname, "..", "..");
let model: string;
let data: string;

beforeAll(() => {
  model = writeTestModel();
  data = makeTempDir("cli-npm");
  for (let i = 0; i < 3; i++) writeFile(data, `clips/clip-${i}.wav`, wavBytes(16000, noise(16000, 1, i + 1)));
  writeFile(data, "clips/broken.wav", "RIFF");
});

/** Runs npm from `data`, as a user in their own folder would, with stdin closed and stderr not a terminal. */
function npmDetect(args: string[]) {
  return spawnSync("npm", ["--prefix", project, "run", "--silent", "detect", "--", ...args], { cwd: data, encoding: "utf8", timeout: 60_000 });
}

describe("npm run --silent detect", () => {
  it("reads paths relative to the caller's folder and prints nothing but records", () => {
    const run = npmDetect(["--model", model, "clips"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines.pop()).toBe("");
    const records = lines.map((line) => JSON.parse(line));
    expect(records.map((r) => [r.file, r.verdict ?? r.code])).toEqual([
      ["clips/broken.wav", "truncated"],
      ["clips/clip-0.wav", "fake"],
      ["clips/clip-1.wav", "fake"],
      ["clips/clip-2.wav", "fake"],
    ]);
  }, 60_000);

  it("exits 0 when every file was scored, and writes exact CSV", () => {
    const run = npmDetect(["--csv", "--model", model, "clips/clip-0.wav", "clips/clip-1.wav"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n").map((line) => line.split(",").slice(0, 3).join(","))).toEqual([
      "file,format,verdict",
      "clips/clip-0.wav,wav,fake",
      "clips/clip-1.wav,wav,fake",
      "",
    ]);
  }, 60_000);

  it("scores with the project's own model when no --model is given", () => {
    const run = npmDetect([join(project, "scripts/cli/fixtures")]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const records = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(records).toHaveLength(4);
    for (const r of records) {
      expect(["real", "fake", "uncertain"]).toContain(r.verdict);
      expect(r.probability_fake).toBeGreaterThanOrEqual(0);
      expect(r.probability_fake).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it("stops quietly when the reader closes the pipe early", async () => {
    const child = spawn("npx", ["tsx", join(project, "scripts/cli/detect.ts"), "--model", model, ...Array(40).fill(join(data, "clips"))], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise((done) => child.on("close", (code) => done(code)));
    expect(status).toBe(2);
    expect(stderr).toBe("");
  }, 60_000);
});
