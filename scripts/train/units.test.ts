import { describe, expect, it } from "vitest";
import { linkKeys, unitOf } from "./units";
import { clipRow } from "./test-rows";

describe("unitOf", () => {
  it("is the system of a fake clip and the source of a real one", () => {
    expect(unitOf(clipRow({ path: "a", label: "fake", source: "github:o/r", generator: "VITS" }))).toBe("system:VITS");
    expect(unitOf(clipRow({ path: "b", label: "fake", source: "lpcnet" }))).toBe("system:lpcnet");
    expect(unitOf(clipRow({ path: "c", label: "real", source: "github:o/r" }))).toBe("source:github:o/r");
    expect(unitOf(clipRow({ path: "d", label: "real", source: "fotaq" }))).toBe("source:fotaq");
  });
});

describe("linkKeys", () => {
  it("links a vocoder copy to its parent and keeps the split's group keys", () => {
    const parent = clipRow({ path: "real/x/p.wav", label: "real", source: "x", speaker_or_voice: "s" });
    const child = clipRow({ path: "fake/lpcnet/c.wav", label: "fake", source: "lpcnet", derived_from: "parent:real/x/p.wav" });
    expect(linkKeys(child).filter((k) => linkKeys(parent).includes(k))).toEqual(["clip:real/x/p.wav"]);
    expect(linkKeys(parent)).toContain("src:x|s");
    const github = clipRow({ path: "g.wav", label: "fake", source: "github:o/r", generator: "VITS", speaker_or_voice: "LJSpeech LJ001-0001" });
    expect(linkKeys(github)).toEqual(expect.arrayContaining(["repo:github:o/r", "corpus:ljspeech"]));
  });
});
