import { describe, expect, it } from "vitest";
import type { ClipRow } from "./manifest";
import { differencePercent, formatSummary, SOURCES_MD_CLIPS, tallyBy } from "./summary";

const row = (label: "real" | "fake", source: string, seconds: number, extra: Partial<ClipRow> = {}): ClipRow => ({
  path: `${label}/${source}/${Math.random()}.wav`, label, source, speaker_or_voice: "s", language: "en", duration_s: seconds, sample_rate_orig: 16000, license: "", derived_from: "", generator: label === "fake" ? source : "", channel: "clean", ...extra,
});

describe("summary", () => {
  it("SOURCES.md counts add up to its totals (4,797 real, 4,456 fake)", () => {
    const fake = ["espeak-ng", "festival", "flite", "sam-js", "gnuspeech", "mespeak", "lpcnet", "codec2", "griffinlim"];
    const sum = (keys: string[]) => keys.reduce((n, k) => n + SOURCES_MD_CLIPS[k], 0);
    expect(sum(fake)).toBe(4456);
    expect(sum(Object.keys(SOURCES_MD_CLIPS).filter((k) => !fake.includes(k)))).toBe(4797);
  });
  it("tallies clips and minutes", () => {
    const t = tallyBy([row("real", "fotaq", 30), row("real", "fotaq", 90), row("fake", "flite", 60)], (r) => r.source);
    expect(t.get("fotaq")).toEqual({ clips: 2, minutes: 2 });
    expect([...t.keys()]).toEqual(["flite", "fotaq"]);
  });
  it("reports differences to SOURCES.md in percent", () => {
    expect(differencePercent("flite", 652)).toBe(0);
    expect(differencePercent("mespeak", 63)).toBeCloseTo(5, 9);
    expect(differencePercent("github:x/y", 3)).toBeUndefined();
    const text = formatSummary([row("fake", "mespeak", 3), row("real", "github:a/b", 2)]);
    expect(text).toContain("| mespeak | – | 1 / 0.1 | 60 | -98.3% |");
    expect(text).toContain("| github:a/b | 1 / 0.0 | – | – | – |");
  });
});
