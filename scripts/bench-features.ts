/**
 * Speed of the STFT and each feature on a 10 s 16 kHz clip, for the speech (512/160, Hann 400) and default
 * (2048/512) configurations: median milliseconds over many runs after a warm-up, one core. Both the process's
 * CPU time per run (what the Workers limit counts, and steady when other processes share the machine) and wall
 * time are shown.
 *
 *   npx tsx scripts/bench-features.ts [runs]
 */
import FFT from "fft.js";
import type { Samples } from "../src/features/frames";
import { melFilterbank, melSpectrogram } from "../src/features/mel";
import { mfcc } from "../src/features/mfcc";
import { powerToDb } from "../src/features/power-to-db";
import { trimSilence } from "../src/audio/trim";
import { realPowerSpectrum } from "../src/features/real-fft";
import { rms } from "../src/features/rms";
import { seedFeatures } from "../src/features/seed";
import { spectralBandwidth } from "../src/features/spectral-bandwidth";
import { spectralCentroid } from "../src/features/spectral-centroid";
import { spectralContrast } from "../src/features/spectral-contrast";
import { spectralFlatness } from "../src/features/spectral-flatness";
import { spectralRolloff } from "../src/features/spectral-rolloff";
import { magnitudeSpectrogram, powerSpectrogram } from "../src/features/stft";
import { zeroCrossingRate } from "../src/features/zero-crossing-rate";

const SAMPLE_RATE = 16000;
const runs = Number(process.argv[2] ?? 200);

/** 10 s of a gliding, amplitude-modulated tone with harmonics and a little noise: a rough stand-in for speech. */
function testSignal(seconds: number): Float32Array {
  let state = 1;
  return Float32Array.from({ length: seconds * SAMPLE_RATE }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    const t = i / SAMPLE_RATE;
    const f0 = 120 + 40 * Math.sin(2 * Math.PI * 0.5 * t);
    const voiced = 0.3 * Math.sin(2 * Math.PI * f0 * t) + 0.1 * Math.sin(4 * Math.PI * f0 * t);
    return (0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t)) * voiced + 0.02 * (state / 2147483648 - 0.5);
  });
}

/** Median CPU and wall milliseconds of fn over `runs` runs after a warm-up. */
function medians(fn: () => unknown): { cpu: number; wall: number } {
  for (let i = 0; i < Math.max(20, runs / 10); i++) fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (times: number[]) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  return { cpu: median(cpu), wall: median(wall) };
}

/** fft.js's own realTransform on every frame (the baseline real-fft.ts improves on), windowing excluded. */
function fftJsRealTransforms(nFft: number, nFrames: number): () => void {
  const fft = new FFT(nFft);
  const frame = new Float64Array(nFft).map((_, i) => Math.sin(i));
  const out = new Float64Array(2 * nFft);
  return () => {
    for (let t = 0; t < nFrames; t++) fft.realTransform(out, frame);
  };
}

function packedRealTransforms(nFft: number, nFrames: number): () => void {
  const transform = realPowerSpectrum(nFft);
  const frame = new Float64Array(nFft).map((_, i) => Math.sin(i));
  const out = new Float64Array(nFft / 2 + 1);
  return () => {
    for (let t = 0; t < nFrames; t++) transform.powerSpectrum(frame, out, 0);
  };
}

function benchConfig(signal: Samples, name: string, nFft: number, hopLength: number, winLength: number, nMels: number) {
  const stft = { nFft, hopLength, winLength };
  const framing = { frameLength: nFft, hopLength };
  const power = powerSpectrogram(signal, stft);
  const magnitude = magnitudeSpectrogram(power);
  const filterbank = melFilterbank({ sampleRate: SAMPLE_RATE, nFft, nMels, fMin: 0, fMax: SAMPLE_RATE / 2 });
  const mel = melSpectrogram(power, filterbank);
  const melDb = { ...mel, data: powerToDb(mel.data, { ref: 1, amin: 1e-10, topDb: 80 }) };
  const centroid = spectralCentroid(magnitude, SAMPLE_RATE);
  const contrastParams = { sampleRate: SAMPLE_RATE, fMin: 200, nBands: 6, quantile: 0.02 };
  const rows: [string, () => unknown][] = [
    ["fft.js realTransform x T (baseline)", fftJsRealTransforms(nFft, power.nFrames)],
    ["packed real FFT x T (ours)", packedRealTransforms(nFft, power.nFrames)],
    ["stft power (window + FFT)", () => powerSpectrogram(signal, stft)],
    ["magnitude (sqrt)", () => magnitudeSpectrogram(power)],
    ["mel", () => melSpectrogram(power, filterbank)],
    ["power_to_db (mel)", () => powerToDb(mel.data, { ref: 1, amin: 1e-10, topDb: 80 })],
    ["mfcc 20 (DCT)", () => mfcc(melDb, 20)],
    ["centroid", () => spectralCentroid(magnitude, SAMPLE_RATE)],
    ["bandwidth", () => spectralBandwidth(magnitude, centroid, SAMPLE_RATE)],
    ["rolloff", () => spectralRolloff(magnitude, SAMPLE_RATE, 0.85)],
    ["flatness", () => spectralFlatness(power, 1e-10)],
    ["contrast", () => spectralContrast(magnitude, contrastParams)],
    ["rms", () => rms(signal, framing)],
    ["zcr", () => zeroCrossingRate(signal, { ...framing, threshold: 1e-10 })],
    [
      "TOTAL stft + mfcc + rms + centroid + zcr",
      () => {
        const p = powerSpectrogram(signal, stft);
        const m = melSpectrogram(p, filterbank);
        mfcc({ ...m, data: powerToDb(m.data, { ref: 1, amin: 1e-10, topDb: 80 }) }, 20);
        spectralCentroid(magnitudeSpectrogram(p), SAMPLE_RATE);
        rms(signal, framing);
        zeroCrossingRate(signal, { ...framing, threshold: 1e-10 });
      },
    ],
    [
      "TOTAL stft + all features",
      () => {
        const p = powerSpectrogram(signal, stft);
        const mag = magnitudeSpectrogram(p);
        const m = melSpectrogram(p, filterbank);
        mfcc({ ...m, data: powerToDb(m.data, { ref: 1, amin: 1e-10, topDb: 80 }) }, 20);
        const c = spectralCentroid(mag, SAMPLE_RATE);
        spectralBandwidth(mag, c, SAMPLE_RATE);
        spectralRolloff(mag, SAMPLE_RATE, 0.85);
        spectralFlatness(p, 1e-10);
        spectralContrast(mag, contrastParams);
        rms(signal, framing);
        zeroCrossingRate(signal, { ...framing, threshold: 1e-10 });
      },
    ],
  ];
  printTable(`${name}: nFft ${nFft}, hop ${hopLength}, win ${winLength}, ${nMels} mels, ${power.nFrames} frames`, rows);
}

function printTable(title: string, rows: [string, () => unknown][]) {
  console.log(`\n${title}`);
  console.log(`  ${"stage".padEnd(42)} ${"cpu ms".padStart(8)} ${"wall ms".padStart(8)}`);
  for (const [label, fn] of rows) {
    const { cpu, wall } = medians(fn);
    console.log(`  ${label.padEnd(42)} ${cpu.toFixed(3).padStart(8)} ${wall.toFixed(3).padStart(8)}`);
  }
}

const signal = testSignal(10);
console.log(`10 s at ${SAMPLE_RATE} Hz, median of ${runs} runs, Node ${process.version}`);
benchConfig(signal, "speech", 512, 160, 400, 40);
benchConfig(signal, "default", 2048, 512, 2048, 128);
printTable("whole-clip stages", [
  ["trimSilence (rms 2048 / 512, top_db 60)", () => trimSilence(signal)],
  ["seedFeatures (first 2 s, 63 frames)", () => seedFeatures(signal)],
]);
