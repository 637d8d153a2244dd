import { describe, expect, it } from "vitest";
import { drawTexts, planEspeak, planFestival, planFlite, planNpmEngines } from "./tts-jobs";
import { mulberry32 } from "./prng";

const pool = (lang: string, n: number) => Array.from({ length: n }, (_, i) => `${lang} sentence number ${i} for the pool`);
const pools = Object.fromEntries(["en", "es", "fr", "it", "ru", "cs", "nl", "de", "ro", "ca", "bg", "el", "da", "be", "lt", "ru_db"].map((l) => [l, pool(l, 40)]));

describe("TTS job planning", () => {
  it("draws texts from a seeded shuffle, cycling a small pool", () => {
    expect(drawTexts(["a", "b"], 5, mulberry32(1)).filter((t) => t === "a")).toHaveLength(3);
    expect(drawTexts([], 5, mulberry32(1))).toEqual([]);
  });
  it("plans 860 main and 600 top-up espeak-ng jobs; top-up Russian speaks the festvox-ru transcripts", () => {
    const jobs = planEspeak(pools, ["m1", "whisper", "croak", "f2"], 0);
    expect(jobs.filter((j) => j.id.includes("/main-"))).toHaveLength(860);
    expect(jobs.filter((j) => j.id.includes("/topup-"))).toHaveLength(600);
    expect(jobs.filter((j) => j.id.includes("/topup-ru")).every((j) => j.text.startsWith("ru_db"))).toBe(true);
    expect(jobs.filter((j) => j.id.includes("/main-ru")).every((j) => j.text.startsWith("ru "))).toBe(true);
    expect(jobs.every((j) => !/whisper|croak/.test(j.voice))).toBe(true);
    expect(new Set(jobs.filter((j) => j.language === "en").map((j) => j.voice.split("+")[0])).size).toBe(7);
    for (const j of jobs) {
      expect(j.params.speed).toBeGreaterThanOrEqual(125);
      expect(j.params.pitch).toBeLessThanOrEqual(75);
    }
    expect(new Set(jobs.map((j) => j.id)).size).toBe(jobs.length);
  });
  it("plans 890 festival and 650 flite jobs with stretch in 0.85-1.20", () => {
    const festival = planFestival(pools, 0);
    expect(festival).toHaveLength(890);
    expect(festival.filter((j) => j.voice === "czech_ph").every((j) => j.language === "cs")).toBe(true);
    const flite = planFlite(pools, 0);
    expect(flite).toHaveLength(650);
    for (const j of [...festival, ...flite]) expect(Number(j.params.stretch)).toBeGreaterThanOrEqual(0.85);
  });
  it("plans 100 sam-js, 100 gnuspeech and 60 mespeak jobs at their text offsets", () => {
    const lines = pool("en", 185);
    const jobs = planNpmEngines(lines, 0);
    const by = (e: string) => jobs.filter((j) => j.engine === e);
    expect([by("sam-js").length, by("gnuspeech").length, by("mespeak").length]).toEqual([100, 100, 60]);
    expect(by("gnuspeech")[0].text).toBe(by("sam-js")[37].text);
    expect(by("sam-js")[0].voice).toMatch(/^sam-s\d+p\d+$/);
  });
  it("is deterministic and moves with the run seed", () => {
    expect(planFlite(pools, 0)).toEqual(planFlite(pools, 0));
    expect(planFlite(pools, 7)).not.toEqual(planFlite(pools, 0));
  });
});
