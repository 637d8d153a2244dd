import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasAudioExtension, listInputs } from "./inputs";
import { makeTempDir, removeTempDirs, writeFile } from "./test-support";

afterAll(removeTempDirs);

describe("listInputs", () => {
  it("walks directories recursively in code-unit order, audio extensions only, hidden entries skipped", () => {
    const base = makeTempDir("cli-walk");
    for (const name of ["b.wav", "a.MP3", "B.flac", "notes.txt", "c.opus", "sub/z.oga", "sub/a.wave", "sub/deeper/x.ogg", ".hidden.wav", ".git/y.wav", "noext"]) {
      writeFile(base, name, "x");
    }
    mkdirSync(join(base, "empty.wav")); // a directory with an audio name is walked, not read
    const shown = listInputs(["."], base).map((f) => f.path);
    expect(shown).toEqual(["B.flac", "a.MP3", "b.wav", "c.opus", "sub/a.wave", "sub/deeper/x.ogg", "sub/z.oga"]);
    const files = listInputs(["sub"], base);
    expect(files[0]).toEqual({ path: "sub/a.wave", absolute: join(base, "sub/a.wave") });
  });

  it("takes a named file whatever its name or extension, and keeps the order of the arguments", () => {
    const base = makeTempDir("cli-args");
    writeFile(base, "notes.txt", "x");
    writeFile(base, ".hidden", "x");
    writeFile(base, "d/one.wav", "x");
    expect(listInputs(["notes.txt", "d", ".hidden"], base).map((f) => f.path)).toEqual(["notes.txt", "d/one.wav", ".hidden"]);
  });

  it("reports a missing path as a problem instead of failing the batch", () => {
    const [missing] = listInputs(["nope.wav"], makeTempDir("cli-missing"));
    expect(missing.path).toBe("nope.wav");
    expect(missing.problem).toMatch(/no such file or directory/);
  });

  it("follows links, ends link loops, and reports dangling audio links only", () => {
    const base = makeTempDir("cli-links");
    writeFile(base, "real/a.wav", "x");
    symlinkSync(join(base, "real"), join(base, "real/loop"));
    symlinkSync("..", join(base, "real/up"));
    symlinkSync(join(base, "real/a.wav"), join(base, "real/link.wav"));
    symlinkSync(join(base, "gone.wav"), join(base, "real/dangling.wav"));
    symlinkSync(join(base, "gone.txt"), join(base, "real/dangling.txt"));
    const files = listInputs(["real"], base);
    expect(files.map((f) => f.path)).toEqual(["real/a.wav", "real/dangling.wav", "real/link.wav"]);
    expect(files[1].problem).toMatch(/no such file/);
  });
});

describe("hasAudioExtension", () => {
  it("matches the audio extensions in any case, not names that merely end in them", () => {
    expect(["a.wav", "a.WAVE", "a.flac", "a.Mp3", "a.ogg", "a.oga", "a.opus"].every(hasAudioExtension)).toBe(true);
    expect(["wav", "a.wav.txt", "a.m4a", "mp3", "a.aac"].some(hasAudioExtension)).toBe(false);
  });
});
