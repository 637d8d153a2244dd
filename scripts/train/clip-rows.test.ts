import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SUMMARY_NAMES } from "../../src/detector/summary";
import { encodeWav16 } from "../dataset/wav";
import type { ClipRow } from "../dataset/manifest";
import { syntheticVoice } from "../synthetic-voice";
import { clipRows } from "./clip-rows";
import { CUE_NAMES } from "./cues";

describe("clipRows", () => {
  it("gives each published tile the cues of its own audio, so the shortcut audit covers tile rows", async () => {
    // 3.7 s of voice growing louder, so that the tiles' peaks differ and the last one holds the clip's peak.
    const voice = syntheticVoice(Math.round(3.7 * 16000), 16000).map((v, i) => v * (0.2 + i / (3.7 * 16000)));
    const file = join(mkdtempSync(join(tmpdir(), "vg-clip-rows-")), "clip.wav");
    writeFileSync(file, encodeWav16({ sampleRate: 16000, samples: voice }));
    const row = { path: "local/real/src/clip.wav", label: "real", sample_rate_orig: 16000, channel: "" } as unknown as ClipRow;
    const rows = await clipRows({ row, file, origin: "shared" }, { augmentedCopies: 0, seed: 1 });

    const nTiles = rows.tiles.length / SUMMARY_NAMES.length;
    expect(nTiles).toBeGreaterThanOrEqual(3);
    expect(rows.tileCues.length).toBe(nTiles * CUE_NAMES.length);
    const tileCue = (name: (typeof CUE_NAMES)[number]) =>
      Array.from({ length: nTiles }, (_, t) => rows.tileCues[t * CUE_NAMES.length + CUE_NAMES.indexOf(name)]);
    // Row 0 is the published copy's whole row: its tiles cover its audio exactly once.
    const whole = (name: (typeof CUE_NAMES)[number]) => rows.cues[CUE_NAMES.indexOf(name)];
    expect(tileCue("duration_s").reduce((a, b) => a + b, 0)).toBeCloseTo(whole("duration_s"), 6);
    for (const duration of tileCue("duration_s")) expect(duration).toBeGreaterThanOrEqual(0.5);
    const peaks = tileCue("peak");
    expect(Math.max(...peaks)).toBe(whole("peak"));
    expect(peaks[0]).toBeLessThan(peaks[nTiles - 1]);
    expect(tileCue("sample_rate_hz").every((rate) => rate === 16000)).toBe(true);
  });
});
