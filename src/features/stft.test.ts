import { describe, expect, it } from "vitest";
import { realPowerSpectrum } from "./real-fft";
import { binSpacingHz, magnitudeSpectrogram, powerSpectrogram, powerSpectrogramInto, type StftParams } from "./stft";

/**
 * Frame t by librosa's definition, written out directly: samples [t*hop - nFft/2, t*hop + nFft/2) with zeros
 * outside the signal, times a periodic Hann of winLength zero-padded to nFft (centred), then |DFT|^2 (the
 * transform itself is checked against the DFT definition in real-fft.test.ts).
 */
function referenceFrame(signal: Float32Array, t: number, { nFft, hopLength, winLength }: StftParams): Float64Array {
  const offset = Math.floor((nFft - winLength) / 2);
  const windowed = Float64Array.from({ length: nFft }, (_, j) => {
    const i = t * hopLength - nFft / 2 + j;
    const inWindow = j >= offset && j < offset + winLength;
    const w = inWindow ? 0.5 - 0.5 * Math.cos((2 * Math.PI * (j - offset)) / winLength) : 0;
    return i >= 0 && i < signal.length ? w * signal[i] : 0;
  });
  const power = new Float64Array(nFft / 2 + 1);
  realPowerSpectrum(nFft).powerSpectrum(windowed, power, 0);
  return power;
}

const signal = Float32Array.from({ length: 3001 }, (_, i) => 0.5 * Math.sin(0.21 * i) + 0.25 * Math.sin(1.3 * i + 0.4));

describe.each<StftParams>([
  { nFft: 512, hopLength: 160, winLength: 400 },
  { nFft: 256, hopLength: 64, winLength: 256 },
])("powerSpectrogram (nFft $nFft, hop $hopLength, win $winLength)", (params) => {
  const power = powerSpectrogram(signal, params);

  it("has 1 + floor(n / hop) frames of nFft / 2 + 1 bins", () => {
    expect(power.nFrames).toBe(1 + Math.floor(signal.length / params.hopLength));
    expect(power.nRows).toBe(params.nFft / 2 + 1);
    expect(power.data).toHaveLength(power.nFrames * power.nRows);
  });

  it("equals the definition at the zero-padded edges and inside", () => {
    for (const t of [0, 1, 5, power.nFrames - 2, power.nFrames - 1]) {
      const expected = referenceFrame(signal, t, params);
      const scale = Math.max(...expected);
      const frame = power.data.subarray(t * power.nRows, (t + 1) * power.nRows);
      for (let k = 0; k < power.nRows; k++) expect(Math.abs(frame[k] - expected[k])).toBeLessThan(1e-14 * scale);
    }
  });
});

describe("magnitudeSpectrogram / binSpacingHz", () => {
  it("takes the square root of each power value", () => {
    const magnitude = magnitudeSpectrogram({ data: Float64Array.from([4, 0, 2.25]), nFrames: 1, nRows: 3 });
    expect(Array.from(magnitude.data)).toEqual([2, 0, 1.5]);
  });

  it("spaces bins sr / nFft apart", () => {
    expect(binSpacingHz(16000, 1025)).toBe(7.8125);
    expect(binSpacingHz(16000, 257)).toBe(31.25);
  });

  it("refuses a window longer than the FFT", () => {
    expect(() => powerSpectrogram(signal, { nFft: 256, hopLength: 64, winLength: 300 })).toThrow(RangeError);
  });
});

describe("powerSpectrogram over a frame range", () => {
  it("computes exactly the rows of the whole matrix, so long signals can go block by block", () => {
    const signal = new Float32Array(5000);
    for (let i = 0; i < signal.length; i++) signal[i] = Math.sin(i * 0.37) * Math.cos(i * 0.011);
    const params = { nFft: 512, hopLength: 160, winLength: 400 };
    const whole = powerSpectrogram(signal, params);
    for (const [first, end] of [[0, 3], [5, 17], [28, whole.nFrames], [7, 7]]) {
      const block = powerSpectrogram(signal, params, { first, end });
      expect(block.nFrames).toBe(end - first);
      expect(Array.from(block.data)).toEqual(Array.from(whole.data.subarray(first * 257, end * 257)));
    }
    expect(() => powerSpectrogram(signal, params, { first: 0, end: whole.nFrames + 1 })).toThrow(RangeError);
  });
});

describe("powerSpectrogramInto", () => {
  it("writes the rows of a frame range into a reused buffer, overwriting what was there", () => {
    const params = { nFft: 512, hopLength: 160, winLength: 400 };
    const whole = powerSpectrogram(signal, params);
    const buffer = new Float64Array(8 * 257).fill(Number.NaN);
    for (const [first, end] of [[0, 8], [3, 5], [whole.nFrames - 8, whole.nFrames]]) {
      const block = powerSpectrogramInto(signal, params, { first, end }, buffer);
      expect(block.data.buffer).toBe(buffer.buffer);
      expect(Array.from(block.data)).toEqual(Array.from(whole.data.subarray(first * 257, end * 257)));
    }
  });

  it("refuses a buffer too small for the range", () => {
    const params = { nFft: 512, hopLength: 160, winLength: 400 };
    expect(() => powerSpectrogramInto(signal, params, { first: 0, end: 3 }, new Float64Array(3 * 257 - 1))).toThrow(
      RangeError,
    );
  });
});
