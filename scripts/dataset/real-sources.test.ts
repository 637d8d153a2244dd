import { describe, expect, it } from "vitest";
import { capFor, filletsSpeaker, fotaqSpeaker, type PackageFiles, parseFilletsDialogs, parseStampText, REAL_SOURCES } from "./real-sources";

const source = (name: string) => REAL_SOURCES.find((s) => s.name === name)!;
const pkg = (name: string, files: string[]): PackageFiles => ({ name, root: `/x/${name}`, files });
const noRead = () => "";

describe("real sources", () => {
  it("caps groups at max(20, round(250 x capScale))", () => {
    expect(capFor(1)).toBe(250);
    expect(capFor(0.3)).toBe(75);
    expect(capFor(0.1)).toBe(25);
    expect(capFor(0.01)).toBe(20);
  });
  it("asterisk: G.722 files of the voice folder, without silence/ and tone-like names", () => {
    const files = ["ok", "silence/1", "beep", "dial-tone", "music-on-hold", "vm-sil", "digits/1"].map((n) => `usr/share/asterisk/sounds/en_US_f_Allison/${n}.g722`);
    const out = source("asterisk-core-en").candidates([pkg("asterisk-core-sounds-en-g722", [...files, "usr/share/doc/x.g722"])], noRead);
    expect(out.map((c) => c.key.split("/").pop())).toEqual(["ok.g722", "1.g722"]);
    expect(out[0]).toMatchObject({ hint: "g722", speaker: "Allison Smith (f)", language: "en", group: "all" });
  });
  it("fillets: cs/nl dubbing only, empty-subtitle ids dropped, speaker from the second dash-field", () => {
    const script = 'dialogId("k1-m-ok", "font_small", "Fine.")\ndialogId("k1-x-noise", "font_small", "")';
    const main = pkg("fillets-ng-data", ["usr/share/games/fillets-ng/script/cabin1/dialogs_cs.lua", "usr/share/games/fillets-ng/sound/cabin1/en/k1-m-ok.ogg"]);
    const cs = pkg("fillets-ng-data-cs", ["usr/share/games/fillets-ng/sound/cabin1/cs/k1-m-ok.ogg", "usr/share/games/fillets-ng/sound/cabin1/cs/k1-x-noise.ogg"]);
    const out = source("fillets-ng").candidates([main, cs], () => script);
    expect(out.map((c) => [c.key, c.speaker, c.group])).toEqual([["fillets-ng-data-cs/usr/share/games/fillets-ng/sound/cabin1/cs/k1-m-ok.ogg", "char-m/cs", "cs"]]);
    expect(filletsSpeaker("x-0big.ogg", "nl")).toBe("char-0big.ogg/nl");
    expect(parseFilletsDialogs('dialogId("a", "f", "say \\"hi\\"")').get("a")).toBe('say \\"hi\\"');
  });
  it("tuxpaint: language from the name, text from the stamp file, volunteer names", () => {
    const files = ["usr/share/tuxpaint/stamps/a/cat.txt", "usr/share/tuxpaint/stamps/a/cat_desc.ogg", "usr/share/tuxpaint/stamps/a/cat_desc_ro.ogg"];
    const out = source("tuxpaint-desc").candidates([pkg("tuxpaint-stamps-default", files)], () => "A cat.\nro.utf8=O pisică.\n");
    expect(out.map((c) => [c.language, c.speaker, c.text])).toEqual([
      ["en", "unknown/en", "A cat."],
      ["ro", "Tabbytha/ro", "O pisică."],
    ]);
    expect(parseStampText("X\nfr.utf8=\n").has("fr")).toBe(false);
  });
  it("warzone: only the listed voice folders, at any depth", () => {
    const audio = pkg("warzone2100-audio", ["audio/memressp/power/a.ogg", "audio/sfx/misc/b.ogg", "sequenceaudio/c.ogg", "audio/tutorial/d.ogg"]);
    const out = source("warzone2100").candidates([pkg("warzone2100-data", []), audio], noRead);
    expect(out.map((c) => c.key)).toEqual(["warzone2100-audio/audio/memressp/power/a.ogg", "warzone2100-audio/sequenceaudio/c.ogg", "warzone2100-audio/audio/tutorial/d.ogg"]);
  });
  it("pocketsphinx .raw files are read at 16 kHz, codec2 .raw at 8 kHz", () => {
    const ps = source("pocketsphinx-testdata").candidates([pkg("pocketsphinx-testdata", ["usr/share/pocketsphinx/test/data/goforward.raw"])], noRead);
    expect(ps[0].hint).toEqual({ s16leRate: 16000 });
    const c2 = source("codec2-examples").candidates([pkg("codec2-examples", ["usr/share/codec2/raw/hts1a.raw"])], noRead);
    expect(c2[0]).toMatchObject({ hint: { s16leRate: 8000 }, speaker: "codec2-hts1a" });
  });
  it("fotaq: Joe and the others are two selection groups", () => {
    expect(fotaqSpeaker("C1J123.SB")).toBe("Joe (lead actor)");
    expect(fotaqSpeaker("4100B3P2.SB")).toBe("npc-4100");
    const out = source("fotaq").candidates([pkg("flight-of-the-amazon-queen", []), pkg("fotaq-speech", ["C1J123.mp3", "4100B3P2.mp3"])], noRead);
    expect(out.map((c) => c.group)).toEqual(["joe", "others"]);
    expect(out[0].keepExtension).toBe(true);
  });
});
