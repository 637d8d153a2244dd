/**
 * The group split (data README rules 3–5): clips that share a source and speaker, a generator (and voice for
 * festival, flite and gnuspeech), a GitHub repository or a corpus reused across repositories form one group;
 * a vocoder copy joins its parent; festvox-ru-db joins the festival voice built from it and espeak-ng (whose
 * top-up speaks its sentences); a TTS clip speaking the Tux Paint description of a real tuxpaint-desc clip joins
 * it. Whole groups are then dealt to train/validation/test (or K folds) by class-aware greedy filling.
 */
import { sharedCorpus } from "./github-clips";
import { type ClipRow, parentOf } from "./manifest";
import { hashString } from "./prng";

const VOICE_GROUPED_GENERATORS = new Set(["festival", "flite", "gnuspeech"]);
const FESTVOX_RU_DB = "src:festvox-ru-db";

/** The group keys of one row; rows sharing any key end up in the same group. */
export function groupKeys(row: ClipRow): string[] {
  if (row.source.startsWith("github:")) {
    const corpus = sharedCorpus(row.speaker_or_voice);
    return [`repo:${row.source}`, ...(corpus ? [`corpus:${corpus}`] : [])];
  }
  if (row.label === "real") return row.source === "festvox-ru-db" ? [FESTVOX_RU_DB] : [`src:${row.source}|${row.speaker_or_voice}`];
  if (parentOf(row)) return [];
  const generator = row.generator || row.source;
  if (generator === "festival" && row.speaker_or_voice === "msu_ru_nsh_clunits") return [FESTVOX_RU_DB];
  if (generator === "espeak-ng") return [`gen:espeak-ng`, FESTVOX_RU_DB];
  return [VOICE_GROUPED_GENERATORS.has(generator) ? `gen:${generator}|${row.speaker_or_voice}` : `gen:${generator}`];
}

/** Text identity `<language>|<first 120 characters>` used by the Tux Paint rule. */
export function textKey(language: string, text: string): string {
  return `${language}|${text.slice(0, 120)}`;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Groups of row indices. `realTexts` maps real clip paths to the text they speak (Tux Paint descriptions).
 */
export function groupRows(rows: readonly ClipRow[], realTexts: ReadonlyMap<string, string>): number[][] {
  const uf = new UnionFind(rows.length);
  const firstWithKey = new Map<string, number>();
  const indexOfPath = new Map(rows.map((r, i) => [r.path, i]));
  const link = (key: string, i: number) => {
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, i);
    else uf.union(first, i);
  };
  rows.forEach((row, i) => {
    for (const key of groupKeys(row)) link(key, i);
    const parent = parentOf(row);
    const parentIndex = parent === undefined ? undefined : indexOfPath.get(parent);
    if (parentIndex !== undefined) uf.union(parentIndex, i);
    const realText = realTexts.get(row.path);
    if (realText) link(`text:${textKey(row.language, realText)}`, i);
  });
  rows.forEach((row, i) => {
    if (row.label === "fake" && row.derived_from.startsWith("text:")) {
      const key = `text:${textKey(row.language, row.derived_from.slice(5))}`;
      if (firstWithKey.has(key)) uf.union(firstWithKey.get(key)!, i);
    }
  });
  const groups = new Map<number, number[]>();
  rows.forEach((_, i) => {
    const root = uf.find(i);
    const list = groups.get(root) ?? [];
    list.push(i);
    groups.set(root, list);
  });
  return [...groups.values()];
}

export type SplitScheme = { kind: "holdout"; fractions: readonly [number, number, number] } | { kind: "folds"; k: number };

export interface Assignment {
  path: string;
  split: string;
  group: string;
}

/**
 * Deals groups to splits, largest first, each to the split whose per-class shortfall it fills best; ties are
 * broken by a seeded hash of the group's first path, so the split moves with the seed.
 */
export function assignSplits(rows: readonly ClipRow[], groups: readonly number[][], scheme: SplitScheme, seed: number): Assignment[] {
  const names = scheme.kind === "holdout" ? ["train", "validation", "test"] : Array.from({ length: scheme.k }, (_, i) => `fold${i}`);
  const fractions = scheme.kind === "holdout" ? scheme.fractions : names.map(() => 1 / scheme.k);
  const total = { real: 0, fake: 0 };
  for (const r of rows) total[r.label]++;
  const filled = names.map(() => ({ real: 0, fake: 0 }));
  const ordered = groups
    .map((members) => {
      const first = members.map((i) => rows[i].path).sort()[0];
      return { members, first, tie: hashString(`${seed}:${first}`) };
    })
    .sort((a, b) => b.members.length - a.members.length || a.tie - b.tie);
  const out: Assignment[] = [];
  ordered.forEach((group, g) => {
    const count = { real: 0, fake: 0 };
    for (const i of group.members) count[rows[i].label]++;
    let best = 0;
    let bestScore = -Infinity;
    names.forEach((_, s) => {
      let score = 0;
      for (const label of ["real", "fake"] as const) {
        if (total[label] > 0) score += (count[label] * (fractions[s] * total[label] - filled[s][label])) / total[label];
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    });
    filled[best].real += count.real;
    filled[best].fake += count.fake;
    const id = `g${String(g).padStart(4, "0")}`;
    for (const i of group.members) out.push({ path: rows[i].path, split: names[best], group: id });
  });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function formatSplit(assignments: readonly Assignment[]): string {
  return ["path,split,group", ...assignments.map((a) => `${a.path},${a.split},${a.group}`)].join("\n") + "\n";
}
