/**
 * Fixtures for the command's tests: a model folder holding a one-split forest (noise scores fake, a tone real, so
 * a record shows which audio was scored), WAV files of either, and the same audio encoded by ffmpeg when it is
 * installed (`ffmpegEncoders` tells which encoders exist, so tests of a missing one skip).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tone } from "../../src/audio/testing/tones";
import { buildWav } from "../../src/audio/testing/wav-builder";
import { noiseIsFakeModel } from "../../src/detector/testing/noise-is-fake";

/** The error of class `type` that `run` throws; anything else thrown, or nothing, fails the test. */
export function thrown<E extends Error>(run: () => unknown, type: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}, nothing was thrown`);
}

let tempRoot: string | undefined;

/** A new directory inside one temporary root per process; removeTempDirs() deletes them all. */
export function makeTempDir(prefix: string): string {
  tempRoot ??= mkdtempSync(join(tmpdir(), "voiceguard-cli-"));
  return mkdtempSync(join(tempRoot, `${prefix}-`));
}

/** For afterAll: deletes every directory makeTempDir made in this process. */
export function removeTempDirs(): void {
  if (tempRoot !== undefined) rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
}

/** A model folder (model.bin + model.json with the binary's true sha256) in a new temporary directory. */
export function writeTestModel(): string {
  const dir = makeTempDir("cli-model");
  const { bytes } = noiseIsFakeModel("cli-test-forest");
  const { card } = noiseIsFakeModel("cli-test-forest", createHash("sha256").update(bytes).digest("hex"));
  writeFileSync(join(dir, "model.bin"), bytes);
  writeFileSync(join(dir, "model.json"), JSON.stringify(card));
  return dir;
}

/** Deterministic white noise (an LCG), amplitude 0.25. */
export function noise(rate: number, seconds: number, seed = 1): Float32Array {
  let state = seed;
  return Float32Array.from({ length: Math.round(rate * seconds) }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32 - 0.5) * 0.5;
  });
}

export const TONE = (rate: number, seconds: number) => tone(rate, 440, seconds);

/** 16-bit PCM WAV with one channel per signal. */
export function wavBytes(rate: number, ...channels: Float32Array[]): Uint8Array {
  const codes = channels.map((signal) => Array.from(signal, (v) => Math.round(v * 32767)));
  return buildWav({ sampleRate: rate, encoding: "pcm", bitDepth: 16, channels: codes });
}

export function writeFile(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

/** ffmpeg arguments per encoded format (low bit rates: fixtures stay small). */
export const ENCODINGS = {
  flac: { encoder: "flac", args: ["-c:a", "flac"], extension: "flac" },
  mp3: { encoder: "libmp3lame", args: ["-c:a", "libmp3lame", "-b:a", "64k"], extension: "mp3" },
  "ogg-vorbis": { encoder: "libvorbis", args: ["-c:a", "libvorbis", "-q:a", "2"], extension: "ogg" },
  "ogg-opus": { encoder: "libopus", args: ["-c:a", "libopus", "-b:a", "32k"], extension: "opus" },
} as const;

export type Encoding = keyof typeof ENCODINGS;

/** The ffmpeg encoders available here (none when ffmpeg is not installed). */
export function ffmpegEncoders(): Set<string> {
  try {
    const list = execFileSync("ffmpeg", ["-hide_banner", "-encoders"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return new Set(Object.values(ENCODINGS).map((e) => e.encoder).filter((name) => list.includes(` ${name} `)));
  } catch {
    return new Set();
  }
}

/** Encodes WAV bytes with ffmpeg into `encoding`, returning the encoded bytes. */
export function encodeWithFfmpeg(wav: Uint8Array, encoding: Encoding): Uint8Array {
  const dir = makeTempDir("cli-encode");
  const input = writeFile(dir, "in.wav", wav);
  const output = join(dir, `out.${ENCODINGS[encoding].extension}`);
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", input, ...ENCODINGS[encoding].args, output], { stdio: "ignore" });
  return new Uint8Array(readFileSync(output));
}
