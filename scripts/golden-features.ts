/**
 * The librosa 0.11 reference outputs in ../shared/golden (see its README) and our features computed the same
 * way, compared element by element: |ours - librosa| <= atol + rtol |librosa| with the README's tolerances from
 * index.json. Shared by the parity tests (src/features/*.test.ts, src/audio/trim.test.ts) and
 * scripts/parity-report.ts. Node only (reads files).
 */
import { existsSync, readFileSync } from "node:fs";
import { decodeWav } from "../src/audio/wav";
import type { FrameMatrix, Samples } from "../src/features/frames";
import { melFilterbank, melSpectrogram } from "../src/features/mel";
import { mfcc } from "../src/features/mfcc";
import { powerToDb } from "../src/features/power-to-db";
import { rms } from "../src/features/rms";
import { spectralBandwidth } from "../src/features/spectral-bandwidth";
import { spectralCentroid } from "../src/features/spectral-centroid";
import { spectralContrast } from "../src/features/spectral-contrast";
import { spectralFlatness } from "../src/features/spectral-flatness";
import { spectralRolloff } from "../src/features/spectral-rolloff";
import { magnitudeSpectrogram, powerSpectrogram } from "../src/features/stft";
import { zeroCrossingRate } from "../src/features/zero-crossing-rate";

export const GOLDEN_DIR = new URL("../../shared/golden/", import.meta.url);
export const goldenAvailable = existsSync(new URL("index.json", GOLDEN_DIR));

export const SAMPLE_RATE = 16000;

/** The README's two configurations. */
export interface GoldenConfig {
  readonly name: "default" | "speech";
  readonly nFft: number;
  readonly hopLength: number;
  readonly winLength: number;
  readonly nMels: number;
  /** rms / zero-crossing-rate frame length. */
  readonly frameLength: number;
  /** The speech config's extra `*_frame_length_win` rows use this frame length. */
  readonly winFrameLength?: number;
}

export const GOLDEN_CONFIGS: readonly GoldenConfig[] = [
  { name: "default", nFft: 2048, hopLength: 512, winLength: 2048, nMels: 128, frameLength: 2048 },
  { name: "speech", nFft: 512, hopLength: 160, winLength: 400, nMels: 40, frameLength: 512, winFrameLength: 400 },
];

export const N_MFCC = 20;

/** A feature as librosa lays it out: `rows` x `frames`, row-major ([row][frame]); 1-D features have one row. */
export interface FeatureArray {
  readonly rows: number;
  readonly frames: number;
  readonly values: Float64Array;
}

export interface GoldenCaseEntry {
  readonly name: string;
  readonly json: string;
  readonly input: string;
  readonly sample_rate: number;
  readonly channels: number;
  readonly loaded_length: number;
  readonly frames_default: number;
  readonly frames_speech: number;
}

type GoldenFeatureValue = number | number[] | number[][] | string[];

export interface GoldenCase {
  readonly name: string;
  readonly loaded: { readonly length: number; readonly first16: number[]; readonly min: number; readonly max: number };
  readonly features: Record<"default" | "speech", Record<string, GoldenFeatureValue>>;
  readonly seed: {
    readonly names: string[];
    readonly values: number[];
    readonly values_float64_pipeline: number[];
  };
}

interface Tolerance {
  readonly atol: number;
  readonly rtol: number;
}

interface GoldenIndex {
  readonly files: GoldenCaseEntry[];
  readonly recommended_tolerances: Record<string, Tolerance>;
}

let index: GoldenIndex | undefined;

function goldenIndex(): GoldenIndex {
  index ??= readJson<GoldenIndex>("index.json");
  return index;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, GOLDEN_DIR), "utf8")) as T;
}

/** Every case listed in index.json (empty when the folder is absent). */
export function goldenCases(): GoldenCaseEntry[] {
  return goldenAvailable ? goldenIndex().files : [];
}

/** The README's recommended tolerance for a feature (`*_frame_length_win` use their base feature's). */
export function goldenTolerance(feature: string): Tolerance {
  const tolerances = goldenIndex().recommended_tolerances;
  const tolerance = tolerances[feature] ?? tolerances[feature.replace(/_frame_length_win$/, "")];
  if (tolerance === undefined) throw new Error(`no recommended tolerance for ${feature}`);
  return tolerance;
}

export function loadGoldenCase(entry: GoldenCaseEntry): GoldenCase {
  return readJson<GoldenCase>(entry.json);
}

/**
 * The 16 kHz signal librosa computed the features from: the decoded input for 16 kHz cases, otherwise the stored
 * kaiser_best resampling (README: test the features in isolation from the resampler).
 */
export function goldenSignal(entry: GoldenCaseEntry): Float32Array {
  if (entry.sample_rate !== SAMPLE_RATE) {
    const bytes = readFileSync(new URL(`resampled/${entry.name}.kaiser_best.f32`, GOLDEN_DIR));
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  }
  return decodeWav(readFileSync(new URL(entry.input, GOLDEN_DIR))).samples;
}

/** Every feature of the golden JSON for one configuration, computed by our code, in librosa's layout. */
export function computeGoldenFeatures(signal: Samples, config: GoldenConfig): Record<string, FeatureArray> {
  const { nFft, hopLength, winLength, nMels, frameLength } = config;
  const power = powerSpectrogram(signal, { nFft, hopLength, winLength });
  const magnitude = magnitudeSpectrogram(power);
  const filterbank = melFilterbank({ sampleRate: SAMPLE_RATE, nFft, nMels, fMin: 0, fMax: SAMPLE_RATE / 2 });
  const mel = melSpectrogram(power, filterbank);
  const melDb = { ...mel, data: powerToDb(mel.data, { ref: 1, amin: 1e-10, topDb: 80 }) };
  const centroid = spectralCentroid(magnitude, SAMPLE_RATE);
  const features: Record<string, FeatureArray> = {
    mel_db: librosaLayout(melDb),
    mfcc: librosaLayout(mfcc(melDb, N_MFCC)),
    rms: rowOf(rms(signal, { frameLength, hopLength })),
    spectral_centroid: rowOf(centroid),
    spectral_bandwidth: rowOf(spectralBandwidth(magnitude, centroid, SAMPLE_RATE)),
    spectral_rolloff: rowOf(spectralRolloff(magnitude, SAMPLE_RATE, 0.85)),
    spectral_flatness: rowOf(spectralFlatness(power, 1e-10)),
    spectral_contrast: librosaLayout(
      spectralContrast(magnitude, { sampleRate: SAMPLE_RATE, fMin: 200, nBands: 6, quantile: 0.02 }),
    ),
    zero_crossing_rate: rowOf(zeroCrossingRate(signal, { frameLength, hopLength, threshold: 1e-10 })),
  };
  if (config.winFrameLength !== undefined) {
    const framing = { frameLength: config.winFrameLength, hopLength };
    features.rms_frame_length_win = rowOf(rms(signal, framing));
    features.zero_crossing_rate_frame_length_win = rowOf(zeroCrossingRate(signal, { ...framing, threshold: 1e-10 }));
  }
  return features;
}

/** Our frame-major matrix transposed to librosa's [row][frame]. */
export function librosaLayout(matrix: FrameMatrix): FeatureArray {
  const { nFrames, nRows, data } = matrix;
  const values = new Float64Array(data.length);
  for (let t = 0; t < nFrames; t++) for (let r = 0; r < nRows; r++) values[r * nFrames + t] = data[t * nRows + r];
  return { rows: nRows, frames: nFrames, values };
}

/** A 1-D per-frame feature (or a vector) as a one-row FeatureArray. */
export function rowOf(values: Float64Array): FeatureArray {
  return { rows: 1, frames: values.length, values };
}

/** A golden feature flattened the same way ([row][frame] row-major). */
export function goldenArray(value: GoldenFeatureValue): FeatureArray {
  if (!Array.isArray(value) || typeof value[0] === "string") throw new Error("not a numeric feature array");
  if (Array.isArray(value[0])) {
    const rows = value as number[][];
    return { rows: rows.length, frames: rows[0].length, values: Float64Array.from(rows.flat()) };
  }
  return rowOf(Float64Array.from(value as number[]));
}

/** Result of comparing one feature of one case and config. */
export interface FeatureComparison {
  readonly feature: string;
  /** Largest |ours - librosa| / (atol + rtol |librosa|) over the elements compared; below 1 passes. */
  readonly ratio: number;
  /** Index (row-major [row][frame]) of the element giving `ratio`. */
  readonly worst: number;
  /** Rolloff only: frames off by exactly one bin (README: tolerated in at most 1% of frames), left out of `ratio`. */
  readonly oneBinFlips: number;
  readonly shapeMatches: boolean;
}

/**
 * Compares ours with librosa's for one feature. For spectral_rolloff a difference of one bin spacing is counted
 * as a flip instead of entering the ratio (a float64 cumulative sum can tie differently with the 85% threshold).
 */
export function compareFeature(
  feature: string,
  ours: FeatureArray,
  reference: FeatureArray,
  oneBinHz?: number,
): FeatureComparison {
  const shapeMatches = ours.rows === reference.rows && ours.frames === reference.frames;
  const { atol, rtol } = goldenTolerance(feature);
  let ratio = 0;
  let worst = -1;
  let oneBinFlips = 0;
  if (shapeMatches) {
    for (let i = 0; i < ours.values.length; i++) {
      const b = reference.values[i];
      const diff = Math.abs(ours.values[i] - b);
      if (oneBinHz !== undefined && Math.abs(diff - oneBinHz) <= atol + rtol * Math.abs(b)) {
        oneBinFlips++;
        continue;
      }
      const r = diff / (atol + rtol * Math.abs(b));
      if (!(r <= ratio)) {
        ratio = r;
        worst = i;
      }
    }
  }
  return { feature, ratio, worst, oneBinFlips, shapeMatches };
}

/** Every feature of one case in one config compared with its JSON. */
export function compareCase(golden: GoldenCase, signal: Samples, config: GoldenConfig): FeatureComparison[] {
  const ours = computeGoldenFeatures(signal, config);
  const reference = golden.features[config.name];
  return Object.entries(ours).map(([feature, array]) =>
    compareFeature(
      feature,
      array,
      goldenArray(reference[feature]),
      feature === "spectral_rolloff" ? SAMPLE_RATE / config.nFft : undefined,
    ),
  );
}
