import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasPrograms } from "./test-tools";
import { parseCsvRecords } from "./csv";
import { chunkOf, chunkRange, type GithubRow, rawGithubUrl, sha256Hex, sharedCorpus, toClipRow } from "./github-clips";
import { GITHUB_MANIFEST, obtainClip } from "./stage-github";
import { encodeWav16 } from "./wav";

const commit = "8681d381ed404fde516e2c1b823de5a213c59aba";
const hasFfmpeg = hasPrograms("ffmpeg");

const row = (over: Partial<GithubRow>): GithubRow => ({
  path: "github/fake/X__o__r/a.wav",
  label: "fake",
  system: "X",
  source_repo: "o/r",
  commit,
  original_path: "docs/a b.wav",
  speaker_or_dataset: "LJSpeech",
  duration_s: "2.000",
  orig_sample_rate: "16000",
  licence: "MIT",
  sha256: "",
  ...over,
});

describe("github clip logic", () => {
  it("builds the raw URL at the pinned commit with encoded path segments", () => {
    expect(rawGithubUrl("NVIDIA/OpenSeq2Seq", commit, "docs/samples/LJ 21#.wav")).toBe(
      `https://raw.githubusercontent.com/NVIDIA/OpenSeq2Seq/${commit}/docs/samples/LJ%2021%23.wav`,
    );
    expect(() => rawGithubUrl("a/b", "main", "x.wav")).toThrow(/commit/);
    expect(() => rawGithubUrl("../x", commit, "x.wav")).toThrow(/repository/);
  });
  it("hashes with SHA-256", () => {
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("reads the chunk note and cuts equal parts", () => {
    expect(chunkOf("Tacotron 2 [chunk 2/3 at 6.9-13.9s of 20.8s source]")).toEqual({ index: 1, count: 3 });
    expect(chunkOf("LJSpeech")).toBeUndefined();
    expect(chunkRange(10, 1, 3)).toEqual([3, 7]);
  });
  it("maps rows to the corpus manifest and names shared corpora", () => {
    const clip = toClipRow(row({ speaker_or_dataset: "LJSpeech [chunk 1/2 at 0.0-6.1s of 12.3s source]" }));
    expect(clip).toMatchObject({ source: "github:o/r", generator: "X", speaker_or_voice: "LJSpeech", language: "und", duration_s: 2 });
    expect(toClipRow(row({ label: "real" })).generator).toBe("");
    expect(sharedCorpus("GT (LibriSpeech test-clean sentences per text.txt)")).toBe("librispeech");
    expect(sharedCorpus("VCTK (p225-p228), CC-BY-4.0")).toBe("vctk");
    expect(sharedCorpus("cloned voice angie")).toBeUndefined();
  });
  it("the committed manifest lists every clip with a SHA-256", () => {
    const rows = parseCsvRecords(readFileSync(GITHUB_MANIFEST, "utf8"));
    expect(rows).toHaveLength(742);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.sha256))).toBe(true);
  });
});

describe.skipIf(!hasFfmpeg)("rebuilding a clip from its repository", () => {
  const samples = Float32Array.from({ length: 32000 }, (_, i) => 0.3 * Math.sin(i / 7));
  const original = encodeWav16({ sampleRate: 16000, samples });
  const noShared = mkdtempSync(join(tmpdir(), "gh-"));

  it("fetches the pinned URL, converts, and accepts a matching SHA-256", async () => {
    const expected = encodeWav16({ sampleRate: 16000, samples: samples.subarray(16000, 32000) });
    const urls: string[] = [];
    const bytes = await obtainClip(row({ sha256: sha256Hex(expected), speaker_or_dataset: "x [chunk 2/2 at 1-2s of 2s source]" }), noShared, async (url) => {
      urls.push(url);
      return original;
    });
    expect(urls).toEqual([`https://raw.githubusercontent.com/o/r/${commit}/docs/a%20b.wav`]);
    expect(sha256Hex(bytes)).toBe(sha256Hex(expected));
  });
  it("rejects a download whose converted bytes differ", async () => {
    await expect(obtainClip(row({ sha256: "0".repeat(64) }), noShared, async () => original)).rejects.toThrow(/differs/);
    rmSync(noShared, { recursive: true, force: true });
  });
});
