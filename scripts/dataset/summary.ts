/** Counts and minutes per class, source, generator, language and channel, and the comparison with SOURCES.md. */
import type { ClipRow } from "./manifest";

/** Clips per source in the full corpus of SOURCES.md (§3, §4, §5). */
export const SOURCES_MD_CLIPS: Readonly<Record<string, number>> = {
  "asterisk-core-en": 234,
  "asterisk-core-es": 312,
  "asterisk-core-fr": 263,
  "asterisk-core-it": 275,
  "asterisk-core-ru": 284,
  "asterisk-prompt-it-menardi": 281,
  "asterisk-prompt-fr-armelle": 262,
  "asterisk-prompt-es-co": 177,
  "festvox-ru-db": 331,
  "fillets-ng": 608,
  "tuxpaint-desc": 635,
  ktuberling: 167,
  klettres: 128,
  warzone2100: 249,
  "codec2-examples": 23,
  "pocketsphinx-testdata": 13,
  "unknown-horizons": 13,
  kajongg: 54,
  fotaq: 486,
  "npm-whisper-jfk": 2,
  "espeak-ng": 1480,
  festival: 867,
  flite: 652,
  "sam-js": 100,
  gnuspeech: 100,
  mespeak: 60,
  lpcnet: 645,
  codec2: 355,
  griffinlim: 197,
};

export interface Tally {
  clips: number;
  minutes: number;
}

export function tallyBy(rows: readonly ClipRow[], key: (row: ClipRow) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const row of rows) {
    const k = key(row);
    const t = out.get(k) ?? { clips: 0, minutes: 0 };
    t.clips++;
    t.minutes += row.duration_s / 60;
    out.set(k, t);
  }
  return new Map([...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** Relative difference to SOURCES.md in percent, or undefined where SOURCES.md has no count. */
export function differencePercent(source: string, clips: number): number | undefined {
  const expected = SOURCES_MD_CLIPS[source];
  return expected === undefined ? undefined : (100 * (clips - expected)) / expected;
}

export function formatSummary(rows: readonly ClipRow[]): string {
  const table = (title: string, key: (r: ClipRow) => string, compare = false) => {
    const lines = [`### ${title}`, "", compare ? "| value | real clips / min | fake clips / min | SOURCES.md clips | diff |" : "| value | real clips / min | fake clips / min |", compare ? "|---|---|---|---|---|" : "|---|---|---|"];
    const real = tallyBy(rows.filter((r) => r.label === "real"), key);
    const fake = tallyBy(rows.filter((r) => r.label === "fake"), key);
    const keys = [...new Set([...real.keys(), ...fake.keys()])].sort();
    const cell = (t?: Tally) => (t ? `${t.clips} / ${t.minutes.toFixed(1)}` : "–");
    for (const k of keys) {
      const cells = [k, cell(real.get(k)), cell(fake.get(k))];
      if (compare) {
        const clips = (real.get(k)?.clips ?? 0) + (fake.get(k)?.clips ?? 0);
        const diff = differencePercent(k, clips);
        cells.push(String(SOURCES_MD_CLIPS[k] ?? "–"), diff === undefined ? "–" : `${diff >= 0 ? "+" : ""}${diff.toFixed(1)}%`);
      }
      lines.push(`| ${cells.join(" | ")} |`);
    }
    return lines.join("\n");
  };
  const local = rows.filter((r) => !r.source.startsWith("github:"));
  const missing = Object.keys(SOURCES_MD_CLIPS).filter((s) => !local.some((r) => r.source === s));
  return [
    "## Corpus summary",
    table("Class", (r) => r.label),
    table("Source (local sources compared with SOURCES.md)", (r) => r.source, true),
    missing.length ? `Sources of SOURCES.md with no clip here: ${missing.join(", ")}.` : "",
    table("Generator (fake clips)", (r) => r.generator || "(real)"),
    table("Language", (r) => r.language),
    table("Channel (noise SNRs pooled)", (r) => r.channel.replace(/\d+dB$/, "") || "(none)"),
  ]
    .filter(Boolean)
    .join("\n\n") + "\n";
}
