/**
 * Shortcut audit (SOURCES.md §8.1): how well one threshold on a trivial cue separates real from fake, as the
 * best single-threshold balanced accuracy (0.5 = useless, 1.0 = perfect shortcut). The cue functions are pure
 * and exported for reuse.
 *   npx tsx scripts/dataset/shortcut-audit.ts --out DIR    (before = DIR/work/clean, after = DIR)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import FFT from "fft.js";
import { parseManifest } from "./manifest";
import { decodeWav } from "./wav";

/** Fraction of samples that are exactly zero (digital silence). */
export function exactZeroFraction(samples: Float32Array): number {
  let zeros = 0;
  for (const x of samples) if (x === 0) zeros++;
  return samples.length > 0 ? zeros / samples.length : 0;
}

export function durationSeconds(samples: Float32Array, sampleRate: number): number {
  return samples.length / sampleRate;
}

/** Energy above vs below `splitHz` in dB, summed over non-overlapping 512-point frames (no window). */
export function highLowEnergyRatioDb(samples: Float32Array, sampleRate: number, splitHz = 4000, frame = 512): number {
  const fft = new FFT(frame);
  const out = fft.createComplexArray();
  const input = new Float64Array(frame);
  const splitBin = Math.round((splitHz * frame) / sampleRate);
  let high = 0;
  let low = 0;
  for (let start = 0; start + frame <= samples.length; start += frame) {
    for (let i = 0; i < frame; i++) input[i] = samples[start + i];
    fft.realTransform(out, input);
    for (let k = 1; k <= frame / 2; k++) {
      const power = out[2 * k] ** 2 + out[2 * k + 1] ** 2;
      if (k >= splitBin) high += power;
      else low += power;
    }
  }
  return 10 * Math.log10((high + 1e-20) / (low + 1e-20));
}

/** Peak over RMS in dB. */
export function crestFactorDb(samples: Float32Array): number {
  let peak = 0;
  let energy = 0;
  for (const x of samples) {
    peak = Math.max(peak, Math.abs(x));
    energy += x * x;
  }
  const rms = Math.sqrt(energy / Math.max(1, samples.length));
  return rms > 0 ? 20 * Math.log10(peak / rms) : 0;
}

/**
 * The best balanced accuracy of any rule "value > t means fake" or "value > t means real", over every
 * threshold between distinct values.
 */
export function bestThresholdBalancedAccuracy(values: readonly number[], isFake: readonly boolean[]): number {
  const order = values.map((v, i) => [v, isFake[i]] as const).sort((a, b) => a[0] - b[0]);
  const fakes = isFake.filter(Boolean).length;
  const reals = isFake.length - fakes;
  if (fakes === 0 || reals === 0) return 0.5;
  let best = 0.5;
  let fakeBelow = 0;
  let realBelow = 0;
  for (let i = 0; i < order.length; i++) {
    if (order[i][1]) fakeBelow++;
    else realBelow++;
    if (i + 1 < order.length && order[i + 1][0] === order[i][0]) continue;
    // rule: above the threshold is fake
    const accuracy = ((fakes - fakeBelow) / fakes + realBelow / reals) / 2;
    best = Math.max(best, accuracy, 1 - accuracy);
  }
  return best;
}

export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const CUES = {
  "exact-zero fraction": (s: Float32Array) => exactZeroFraction(s),
  "duration (s)": (s: Float32Array, rate: number) => durationSeconds(s, rate),
  "HF/LF energy (dB)": (s: Float32Array, rate: number) => highLowEnergyRatioDb(s, rate),
  "crest factor (dB)": (s: Float32Array) => crestFactorDb(s),
} as const;

export interface CueResult {
  cue: string;
  medianReal: number;
  medianFake: number;
  balancedAccuracy: number;
}

export function auditClips(clips: readonly { samples: Float32Array; sampleRate: number; fake: boolean }[]): CueResult[] {
  const labels = clips.map((c) => c.fake);
  return Object.entries(CUES).map(([cue, f]) => {
    const values = clips.map((c) => f(c.samples, c.sampleRate));
    return {
      cue,
      medianReal: median(values.filter((_, i) => !labels[i])),
      medianFake: median(values.filter((_, i) => labels[i])),
      balancedAccuracy: bestThresholdBalancedAccuracy(values, labels),
    };
  });
}

function auditFolder(root: string, rows: ReturnType<typeof parseManifest>): CueResult[] {
  const clips = rows
    .filter((r) => existsSync(join(root, r.path)))
    .map((r) => ({ ...decodeWav(readFileSync(join(root, r.path))), fake: r.label === "fake" }));
  return auditClips(clips);
}

function main(argv: readonly string[]): void {
  const outIndex = argv.indexOf("--out");
  if (outIndex < 0 || !argv[outIndex + 1]) {
    process.stderr.write("Usage: npx tsx scripts/dataset/shortcut-audit.ts --out DIR\n");
    process.exitCode = 2;
    return;
  }
  const out = argv[outIndex + 1];
  const rows = parseManifest(readFileSync(join(out, "manifest.csv"), "utf8"));
  const before = auditFolder(join(out, "work", "clean"), rows);
  const after = auditFolder(out, rows);
  const fmt = (x: number) => (Math.abs(x) < 0.1 && x !== 0 ? x.toFixed(4) : x.toFixed(2));
  const lines = [
    `Shortcut audit of ${rows.length} clips (${rows.filter((r) => r.label === "real").length} real, ${rows.filter((r) => r.label === "fake").length} fake)`,
    "",
    "| cue | median real (before / after) | median fake (before / after) | balanced accuracy before | after |",
    "|---|---|---|---|---|",
    ...before.map((b, i) => {
      const a = after[i];
      return `| ${b.cue} | ${fmt(b.medianReal)} / ${fmt(a.medianReal)} | ${fmt(b.medianFake)} / ${fmt(a.medianFake)} | ${b.balancedAccuracy.toFixed(3)} | ${a.balancedAccuracy.toFixed(3)} |`;
    }),
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
