/**
 * The resume log of one stage: one JSON line per finished unit of work (an input file, a TTS job, a vocoder
 * copy) with the manifest rows it produced. A unit is logged only after its clips were renamed into place, so a
 * logged unit whose files all exist is skipped on the next run; a torn last line from a crash is ignored.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ClipRow } from "./manifest";

export interface UnitRecord {
  key: string;
  rows: ClipRow[];
  /** Why a unit produced no clip (too short, engine wrote nothing), kept for the summary. */
  skipped?: string;
  /** The text spoken by the unit's clips when known (Tux Paint real clips), for the cross-class split rule. */
  text?: string;
}

export class StageLog {
  private readonly done = new Map<string, UnitRecord>();

  constructor(private readonly file: string, private readonly outDir: string) {
    if (!existsSync(file)) return;
    for (const record of parseLog(readFileSync(file, "utf8"))) this.done.set(record.key, record);
  }

  /** The finished record of a unit, if it was logged and all its clips are still on disk. */
  finished(key: string): UnitRecord | undefined {
    const record = this.done.get(key);
    if (!record) return undefined;
    return record.rows.every((row) => existsSync(join(this.outDir, row.path))) ? record : undefined;
  }

  add(record: UnitRecord): void {
    mkdirSync(dirname(this.file), { recursive: true });
    appendFileSync(this.file, JSON.stringify(record) + "\n");
    this.done.set(record.key, record);
  }
}

export function parseLog(text: string): UnitRecord[] {
  const out: UnitRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as UnitRecord);
    } catch {
      // a line torn by a crash: that unit is simply redone
    }
  }
  return out;
}
