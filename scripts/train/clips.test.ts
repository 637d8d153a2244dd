import { describe, expect, it } from "vitest";
import type { TrainingClip } from "./clips";
import { mergeClips } from "./clips";
import { clipRow } from "./test-rows";

const clip = (origin: TrainingClip["origin"], ...args: Parameters<typeof clipRow>): TrainingClip => ({
  row: clipRow(...args),
  file: `/${origin}/${args[0].path}`,
  origin,
});

describe("mergeClips", () => {
  it("counts a recording once: corpus paths and the corpus's local sources and generators win", () => {
    const corpus = [
      clip("corpus", { path: "github/real/o__r/a.wav", label: "real", source: "github:o/r" }),
      clip("corpus", { path: "real/fotaq/x.wav", label: "real", source: "fotaq" }),
      clip("corpus", { path: "fake/lpcnet/y.wav", label: "fake", source: "lpcnet" }),
    ];
    const shared = [
      clip("shared", { path: "github/real/o__r/a.wav", label: "real", source: "github:o/r" }),
      clip("shared", { path: "github/real/o__r/b.wav", label: "real", source: "github:o/r" }),
      clip("shared", { path: "local/real/fotaq/z.wav", label: "real", source: "fotaq" }),
      clip("shared", { path: "local/fake/lpcnet/w.wav", label: "fake", source: "lpcnet" }),
      clip("shared", { path: "local/real/kajongg/k.wav", label: "real", source: "kajongg" }),
    ];
    expect(mergeClips(shared, corpus).map((c) => `${c.origin}:${c.row.path}`)).toEqual([
      "corpus:github/real/o__r/a.wav",
      "corpus:real/fotaq/x.wav",
      "corpus:fake/lpcnet/y.wav",
      "shared:github/real/o__r/b.wav",
      "shared:local/real/kajongg/k.wav",
    ]);
  });
});
