import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWav, chunk, fmtChunk, riffFile } from "../../src/audio/testing/wav-builder";
import { parseCsvRecords } from "../dataset/csv";
import { EXIT, runDetect } from "./run-detect";
import { encodeWithFfmpeg, type Encoding, ENCODINGS, ffmpegEncoders, makeTempDir, noise, removeTempDirs, TONE, wavBytes, writeFile, writeTestModel } from "./test-support";

afterAll(removeTempDirs);

const encoders = ffmpegEncoders();
const has = (encoding: Encoding) => encoders.has(ENCODINGS[encoding].encoder);
let model: string;
let data: string;
const noiseWav = wavBytes(16000, noise(16000, 3));

beforeAll(() => {
  model = writeTestModel();
  data = makeTempDir("cli-data");
  writeFile(data, "noise.wav", noiseWav);
  writeFile(data, "tone.wav", wavBytes(44100, TONE(44100, 3), TONE(44100, 3)));
  writeFile(data, "bad/empty.wav", new Uint8Array(0));
  writeFile(data, "bad/text.ogg", "this is a text file, not Ogg audio\n");
  writeFile(data, "bad/image.mp3", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFile(data, "bad/silent.wav", wavBytes(16000, new Float32Array(32000)));
  writeFile(data, "bad/short.wav", wavBytes(16000, Float32Array.from(new Float32Array(32000), (_, i) => (i < 3000 ? noise(16000, 1)[i] : 0))));
  // A data chunk that claims twice the bytes present.
  const fmt = fmtChunk({ formatTag: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 });
  writeFile(data, "bad/truncated.wav", riffFile([fmt, chunk("data", noiseWav.subarray(44, 1044), { declaredSize: 2000 })]));
  writeFile(data, "bad/mp3-header-only.mp3", Uint8Array.from([0xff, 0xfb, 0x90, 0x64, 1, 2, 3]));
  for (const encoding of Object.keys(ENCODINGS) as Encoding[]) {
    if (has(encoding)) writeFile(data, `encoded/noise.${ENCODINGS[encoding].extension}`, encodeWithFfmpeg(noiseWav, encoding));
  }
  if (has("mp3")) writeFile(data, "renamed/mp3-named.wav", encodeWithFfmpeg(noiseWav, "mp3"));
  writeFile(data, "renamed/wav-named.flac", buildWav({ sampleRate: 8000, encoding: "pcm", bitDepth: 16, channels: [Array.from(TONE(8000, 2), (v) => Math.round(v * 32767))] }));
});

async function detect(argv: string[], stderrIsTerminal = false) {
  let stdout = "";
  let stderr = "";
  const code = await runDetect(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stderrIsTerminal,
    baseDir: data,
  });
  return { code, stdout, stderr };
}

/** Every stdout line must be one JSON object. */
const jsonl = (stdout: string) => stdout.split("\n").filter((line, i, all) => line !== "" || i !== all.length - 1).map((line) => JSON.parse(line));
const byFile = (records: Record<string, any>[]) => Object.fromEntries(records.map((r) => [r.file, r]));

describe("JSON Lines (the default)", () => {
  it("writes one record per file, exit 0 when every file was scored", async () => {
    const { code, stdout, stderr } = await detect(["--model", model, "noise.wav", "tone.wav"]);
    expect(code).toBe(EXIT.ok);
    expect(stderr).toBe("");
    expect(jsonl(stdout)).toEqual([
      { file: "noise.wav", format: "wav", verdict: "fake", probability_fake: expect.closeTo(0.9, 6), duration_s: 3, analyzed_s: 3, decode_errors: 0 },
      { file: "tone.wav", format: "wav", verdict: "real", probability_fake: expect.closeTo(0.1, 6), duration_s: 3, analyzed_s: 3, decode_errors: 0 },
    ]);
    expect((await detect(["--jsonl", "--model", model, "noise.wav", "tone.wav"])).stdout).toBe(stdout);
  });

  it("gives every bad file a record with a message and a stable code, goes on, and exits 1", async () => {
    const { code, stdout } = await detect(["--model", model, "bad", "missing.wav", "noise.wav"]);
    expect(code).toBe(EXIT.someFilesFailed);
    const records = jsonl(stdout);
    expect(records.map((r) => [r.file, r.code])).toEqual([
      ["bad/empty.wav", "empty_input"],
      ["bad/image.mp3", "unsupported_format"],
      ["bad/mp3-header-only.mp3", "decode_failed"],
      ["bad/short.wav", "too_short"],
      ["bad/silent.wav", "silent_audio"],
      ["bad/text.ogg", "unsupported_format"],
      ["bad/truncated.wav", "truncated"],
      ["missing.wav", "unreadable_file"],
      ["noise.wav", undefined],
    ]);
    for (const r of records.slice(0, -1)) expect(r.error).toEqual(expect.any(String));
    const files = byFile(records);
    expect(files["bad/text.ogg"].error).toMatch(/looks like a text file/);
    expect(files["bad/mp3-header-only.mp3"]).toMatchObject({ format: "mp3", error: expect.stringMatching(/MP3 decoder found no audio/) });
    expect(files["bad/empty.wav"]).not.toHaveProperty("format");
    expect(files["noise.wav"].verdict).toBe("fake");
  });

  it("refuses to read what is not a regular file", async () => {
    const { stdout } = await detect(["--model", model, "/dev/null"]);
    expect(jsonl(stdout)).toEqual([{ file: "/dev/null", error: "This is not a regular file.", code: "unreadable_file" }]);
  });

  it("adds segments with --segments, of --segment-seconds each", async () => {
    const [record] = jsonl((await detect(["--model", model, "--segments", "--segment-seconds", "1", "noise.wav"])).stdout);
    expect(record.segments).toEqual([0, 1, 2].map((s) => ({ start_s: s, end_s: s + 1, probability_fake: expect.closeTo(0.9, 6) })));
    const [plain] = jsonl((await detect(["--model", model, "noise.wav"])).stdout);
    expect(plain).not.toHaveProperty("segments");
  });

  it("analyses at most --max-seconds while reporting the whole duration", async () => {
    const [record] = jsonl((await detect(["--model", model, "--max-seconds", "1.5", "noise.wav"])).stdout);
    expect(record).toMatchObject({ duration_s: 3, analyzed_s: 1.5 });
  });
});

describe("CSV", () => {
  it("writes a header row and one row per file, errors in the same columns", async () => {
    const { code, stdout } = await detect(["--csv", "--model", model, "tone.wav", "bad/empty.wav"]);
    expect(code).toBe(EXIT.someFilesFailed);
    expect(stdout.split("\n")[0]).toBe("file,format,verdict,probability_fake,duration_s,analyzed_s,decode_errors,error,code");
    const rows = parseCsvRecords(stdout);
    expect(rows).toEqual([
      expect.objectContaining({ file: "tone.wav", format: "wav", verdict: "real", duration_s: "3", error: "", code: "" }),
      { file: "bad/empty.wav", format: "", verdict: "", probability_fake: "", duration_s: "", analyzed_s: "", decode_errors: "", error: "The file is empty.", code: "empty_input" },
    ]);
    expect(Number(rows[0].probability_fake)).toBeCloseTo(0.1, 6);
  });

  it("adds a segments column holding JSON with --segments", async () => {
    const rows = parseCsvRecords((await detect(["--csv", "--segments", "--model", model, "noise.wav"])).stdout);
    // 3 s at the default 2 s: a 1 s tail is half a segment, enough to stand alone.
    expect(JSON.parse(rows[0].segments)).toEqual([
      { start_s: 0, end_s: 2, probability_fake: expect.closeTo(0.9, 6) },
      { start_s: 2, end_s: 3, probability_fake: expect.closeTo(0.9, 6) },
    ]);
  });
});

describe("formats are told by their bytes", () => {
  for (const encoding of Object.keys(ENCODINGS) as Encoding[]) {
    it.skipIf(!has(encoding))(`${encoding}: scored like the WAV it was made from`, async () => {
      const { code, stdout } = await detect(["--model", model, `encoded/noise.${ENCODINGS[encoding].extension}`, "noise.wav"]);
      expect(code).toBe(EXIT.ok);
      const [record, wav] = jsonl(stdout);
      expect(record).toMatchObject({ format: encoding, verdict: "fake", decode_errors: 0 });
      expect(record.duration_s).toBeCloseTo(3, 1);
      expect(record.probability_fake).toBeCloseTo(0.9, 6);
      // Lossless: the very same samples, so the very same record.
      if (encoding === "flac") expect({ ...record, file: wav.file, format: "wav" }).toEqual(wav);
    });
  }

  it("reads a WAV named .flac as WAV", async () => {
    const [record] = jsonl((await detect(["--model", model, "renamed/wav-named.flac"])).stdout);
    expect(record).toMatchObject({ format: "wav", verdict: "real", duration_s: 2 });
  });

  it.skipIf(!has("mp3"))("reads an MP3 named .wav as MP3", async () => {
    const [record] = jsonl((await detect(["--model", model, "renamed/mp3-named.wav"])).stdout);
    expect(record).toMatchObject({ format: "mp3", verdict: "fake" });
  });
});

describe("committed fixtures (every decoder, with or without ffmpeg)", () => {
  it("decodes each and scores the audio it holds", async () => {
    const fixtures = join(import.meta.dirname, "fixtures");
    const { code, stdout } = await detect(["--model", model, fixtures]);
    expect(code).toBe(EXIT.ok);
    expect(jsonl(stdout).map((r) => [basename(r.file), r.format, r.verdict, r.decode_errors])).toEqual([
      ["noise.mp3", "mp3", "fake", 0],
      ["noise.ogg", "ogg-vorbis", "fake", 0],
      ["noise.opus", "ogg-opus", "fake", 0],
      ["tone.flac", "flac", "real", 0],
    ]);
    for (const r of jsonl(stdout)) expect(r.duration_s).toBeCloseTo(0.8, 1);
  });
});

describe("a directory with mixed files", () => {
  it("walks it in sorted order with one record per audio file", async () => {
    const { code, stdout } = await detect(["--model", model, "."]);
    expect(code).toBe(EXIT.someFilesFailed);
    const files = jsonl(stdout).map((r) => r.file);
    expect(files).toEqual([...files].sort());
    expect(files).toContain("noise.wav");
    expect(files).toContain("bad/empty.wav");
    // noise, tone, 7 bad files, the renamed WAV; the encoded ones and the renamed MP3 when ffmpeg made them.
    expect(files.length).toBe(10 + encoders.size + (has("mp3") ? 1 : 0));
  });
});

describe("exit status 2 and the help text", () => {
  it("refuses bad arguments on stderr with nothing on stdout", async () => {
    const { code, stdout, stderr } = await detect(["--model", model, "--csv", "--jsonl", "noise.wav"]);
    expect(code).toBe(EXIT.cannotRun);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^detect: choose one of --jsonl and --csv\nRun with --help/);
  });

  it("stops before any file when the model is missing or does not match its card", async () => {
    const { code, stdout, stderr } = await detect(["--model", "no-such-model", "noise.wav"]);
    expect(code).toBe(EXIT.cannotRun);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^detect: no usable model: .*no-such-model\/model\.bin does not exist/);
  });

  it("prints the usage on stdout for --help and exits 0", async () => {
    const { code, stdout, stderr } = await detect(["--help"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Usage: npm run --silent detect -- \[--jsonl\|--csv\]/);
    expect(stderr).toBe("");
  });

  it("says so on stderr when a directory holds no audio, and exits 0", async () => {
    writeFile(data, "no-audio/readme.txt", "x");
    const { code, stdout, stderr } = await detect(["--model", model, "no-audio"]);
    expect([code, stdout]).toEqual([EXIT.ok, ""]);
    expect(stderr).toMatch(/no audio files found in no-audio/);
  });
});

describe("progress on stderr", () => {
  it("draws a bar only when stderr is a terminal, never on stdout", async () => {
    const tty = await detect(["--model", model, "noise.wav", "bad/empty.wav"], true);
    expect(tty.stderr).toMatch(/detect\s+\[#+\] 2\/2 \d+:\d\d 1 failed\x1b\[K\n$/);
    expect(tty.stdout).not.toMatch(/detect|\x1b/);
    expect(jsonl(tty.stdout)).toHaveLength(2);
  });
});
