import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ClipRow } from "./manifest";
import { parseLog, StageLog } from "./records";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const row = (path: string) => ({ path }) as ClipRow;

describe("StageLog", () => {
  it("skips a logged unit only while all its clips exist", () => {
    const out = mkdtempSync(join(tmpdir(), "ds-"));
    dirs.push(out);
    mkdirSync(join(out, "real"));
    writeFileSync(join(out, "real/a.wav"), "x");
    const file = join(out, "work/log.jsonl");
    new StageLog(file, out).add({ key: "in1", rows: [row("real/a.wav")] });
    new StageLog(file, out).add({ key: "in2", rows: [row("real/b.wav")] });
    const log = new StageLog(file, out);
    expect(log.finished("in1")?.rows[0].path).toBe("real/a.wav");
    expect(log.finished("in2")).toBeUndefined();
    expect(log.finished("other")).toBeUndefined();
  });
  it("ignores a torn last line", () => {
    expect(parseLog('{"key":"a","rows":[]}\n{"key":"b","ro')).toEqual([{ key: "a", rows: [] }]);
  });
});
