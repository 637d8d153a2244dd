/**
 * Median decode and resample times on synthetic 10 s clips, for the numbers quoted in reports (not a timed test).
 * Run: npx tsx src/audio/testing/measure-speed.ts
 * Times are this process's CPU time (process.cpuUsage in Node) so that other load on a shared machine inflates them
 * less than wall-clock time would; elsewhere they fall back to performance.now().
 */
import { resample } from "../resample";
import { decodeWav } from "../wav";
import { buildWav } from "./wav-builder";

const nodeProcess = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } }).process;
const nowMs = nodeProcess
  ? () => {
      const { user, system } = nodeProcess.cpuUsage();
      return (user + system) / 1000;
    }
  : () => performance.now();

function medianMs(run: () => unknown, repeats = 31): number {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = nowMs();
    run();
    times.push(nowMs() - start);
  }
  return times.sort((a, b) => a - b)[repeats >> 1];
}

const pcm16 = (rate: number, seconds: number, channel: number) =>
  Array.from({ length: rate * seconds }, (_, i) => Math.round(16000 * Math.sin(0.01 * i * (channel + 1))));

for (const [rate, channels] of [
  [16000, 1],
  [44100, 2],
  [48000, 1],
]) {
  const wav = buildWav({
    sampleRate: rate,
    encoding: "pcm",
    bitDepth: 16,
    channels: Array.from({ length: channels }, (_, c) => pcm16(rate, 10, c)),
  });
  console.log(`decode 10 s ${rate} Hz 16-bit ${channels} ch: ${medianMs(() => decodeWav(wav)).toFixed(3)} ms`);
}

for (const rate of [8000, 11025, 22050, 24000, 32000, 44100, 48000, 96000]) {
  const x = Float32Array.from({ length: rate * 10 }, (_, i) => 0.5 * Math.sin(0.01 * i));
  console.log(`resample 10 s ${rate} -> 16000 Hz: ${medianMs(() => resample(x, rate, 16000)).toFixed(2)} ms`);
}
