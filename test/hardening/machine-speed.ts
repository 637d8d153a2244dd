/**
 * How fast this machine runs right now, against the machine the CPU figures were recorded on: a fixed piece of
 * work like the detector's (512-point real FFTs of a signal and a logarithm of every bin, by fft.js, none of our
 * code), timed best of several runs. CPU time bounds are stated for the reference machine; on a machine slower by
 * this factor (another tenant on the host, a slower CPU) the same code takes that much longer, and a bound asserted
 * without it would fail for reasons that are not the code's.
 */
import FFT from "fft.js";

/**
 * The work's best CPU time on the reference machine, in ms: the project's 2-core VM as it ran when the figures of
 * test/hardening/README.md were recorded (commit 855470e; `npm run bench` 10.3 ms for 10 s of 16 kHz). Measured
 * 11.3-11.4 ms while the same bench took 12.1 ms (1.17x), hence 9.6.
 */
export const REFERENCE_KERNEL_MS = 9.6;

const FRAMES = 2000;
const SIZE = 512;

/** CPU milliseconds of one run of the fixed work. */
export function kernelMilliseconds(): number {
  const fft = new FFT(SIZE);
  const input = Array.from({ length: SIZE }, (_, i) => Math.sin(i * 0.37) + 0.1 * Math.cos(i * 1.9));
  const output = fft.createComplexArray();
  let sink = 0;
  const start = process.cpuUsage();
  for (let frame = 0; frame < FRAMES; frame++) {
    input[frame % SIZE] += 1e-3;
    fft.realTransform(output, input);
    for (let k = 0; k <= SIZE / 2; k++) sink += Math.log(output[2 * k] ** 2 + output[2 * k + 1] ** 2 + 1e-10);
  }
  const { user, system } = process.cpuUsage(start);
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the work from being optimised away");
  return (user + system) / 1000;
}

/** This machine's slowness against the reference, best of `runs` after a warm-up: 1.2 means 20% slower. */
export function machineSlowness(runs = 9): number {
  kernelMilliseconds();
  const best = Math.min(...Array.from({ length: runs }, kernelMilliseconds));
  return best / REFERENCE_KERNEL_MS;
}
