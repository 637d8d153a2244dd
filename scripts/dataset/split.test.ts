import { describe, expect, it } from "vitest";
import type { ClipRow } from "./manifest";
import { assignSplits, formatSplit, groupKeys, groupRows } from "./split";

const base: ClipRow = { path: "", label: "real", source: "", speaker_or_voice: "", language: "en", duration_s: 2, sample_rate_orig: 16000, license: "", derived_from: "", generator: "", channel: "" };
const real = (path: string, source: string, speaker: string, extra: Partial<ClipRow> = {}): ClipRow => ({ ...base, path, source, speaker_or_voice: speaker, ...extra });
const fake = (path: string, generator: string, voice: string, extra: Partial<ClipRow> = {}): ClipRow => ({ ...base, path, label: "fake", source: generator, generator, speaker_or_voice: voice, ...extra });

const together = (groups: number[][], a: number, b: number) => groups.some((g) => g.includes(a) && g.includes(b));

describe("group keys", () => {
  it("groups real clips by source and speaker, TTS by generator (and voice for festival, flite, gnuspeech)", () => {
    expect(groupKeys(real("r", "kajongg", "de/male1"))).toEqual(["src:kajongg|de/male1"]);
    expect(groupKeys(fake("f", "flite", "awb"))).toEqual(["gen:flite|awb"]);
    expect(groupKeys(fake("f", "sam-js", "sam-s60p83"))).toEqual(["gen:sam-js"]);
  });
  it("groups github clips by repository and by corpora shared across repositories", () => {
    expect(groupKeys(real("g", "github:a/b", "LJSpeech (Linda Johnson)"))).toEqual(["repo:github:a/b", "corpus:ljspeech"]);
  });
});

describe("groupRows", () => {
  it("keeps vocoder copies with their parents and chunks with their recording", () => {
    const rows = [
      real("real/a/x_c0.wav", "a", "s1"),
      real("real/a/x_c1.wav", "a", "s1"),
      real("real/b/y.wav", "b", "s2"),
      fake("fake/lpcnet/l_y.wav", "lpcnet", "lpcnet <- s2", { derived_from: "parent:real/b/y.wav" }),
    ];
    const groups = groupRows(rows, new Map());
    expect(together(groups, 0, 1)).toBe(true);
    expect(together(groups, 2, 3)).toBe(true);
    expect(together(groups, 0, 2)).toBe(false);
  });
  it("applies the cross-class identities of rule 5", () => {
    const rows = [
      real("real/festvox-ru-db/a.wav", "festvox-ru-db", "msu_ru_nsh (m)", { language: "ru" }),
      fake("fake/festival/m.wav", "festival", "msu_ru_nsh_clunits", { language: "ru" }),
      fake("fake/espeak-ng/e.wav", "espeak-ng", "ru+m1", { language: "ru" }),
      real("real/tuxpaint-desc/t.wav", "tuxpaint-desc", "Tabbytha/ro", { language: "ro" }),
      fake("fake/festival/k.wav", "festival", "kal_diphone", { derived_from: "text:O pisică." }),
      fake("fake/flite/awb.wav", "flite", "awb", { language: "ro", derived_from: "text:O pisică." }),
    ];
    const groups = groupRows(rows, new Map([["real/tuxpaint-desc/t.wav", "O pisică."]]));
    expect(together(groups, 0, 1)).toBe(true);
    expect(together(groups, 0, 2)).toBe(true);
    expect(together(groups, 3, 5)).toBe(true); // same text, same language
    expect(together(groups, 3, 4)).toBe(false); // same text in another language is another identity
  });
});

describe("assignSplits", () => {
  const rows = Array.from({ length: 200 }, (_, i) => (i % 2 ? real(`r${i}`, `s${i % 20}`, "x") : fake(`f${i}`, `g${i % 20}`, "v")));
  const groups = groupRows(rows, new Map());
  it("never splits a group and fills train/validation/test near the fractions for both classes", () => {
    const out = assignSplits(rows, groups, { kind: "holdout", fractions: [0.7, 0.15, 0.15] }, 1);
    const byGroup = new Map<string, Set<string>>();
    for (const a of out) byGroup.set(a.group, (byGroup.get(a.group) ?? new Set()).add(a.split));
    expect([...byGroup.values()].every((s) => s.size === 1)).toBe(true);
    for (const label of ["real", "fake"]) {
      const test = out.filter((a) => a.split === "test" && a.path.startsWith(label[0])).length;
      expect(test).toBeGreaterThanOrEqual(10);
      expect(test).toBeLessThanOrEqual(20);
    }
    expect(formatSplit(out).split("\n")[0]).toBe("path,split,group");
  });
  it("makes K folds and is deterministic per seed", () => {
    const folds = assignSplits(rows, groups, { kind: "folds", k: 5 }, 1);
    expect(new Set(folds.map((a) => a.split))).toEqual(new Set(["fold0", "fold1", "fold2", "fold3", "fold4"]));
    expect(assignSplits(rows, groups, { kind: "folds", k: 5 }, 1)).toEqual(folds);
  });
});
