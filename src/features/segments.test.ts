import { describe, expect, it } from "vitest";
import { frameSlice } from "./frames";
import { melFilterbank, melSpectrogram } from "./mel";
import { mfcc } from "./mfcc";
import { powerToDb } from "./power-to-db";
import { consecutiveSegmentFrameRanges, meanStd, rowMeanStd, segmentFrameRange } from "./segments";
import { spectralCentroid } from "./spectral-centroid";
import { magnitudeSpectrogram, powerSpectrogram, type StftParams } from "./stft";

/** 6.3 s of a chirp with an amplitude envelope and a little deterministic noise, at 16 kHz. */
function testClip(): Float32Array {
  let state = 12345;
  return Float32Array.from({ length: 100_800 }, (_, i) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    const t = i / 16000;
    return 0.4 * (0.6 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t)) * Math.sin(2 * Math.PI * (200 * t + 300 * t * t)) +
      0.01 * (state / 2147483648 - 0.5);
  });
}

describe("segmentFrameRange", () => {
  it("takes the frames whose centre t * hop lies in [start, end)", () => {
    expect(segmentFrameRange(0, 32000, 512, 1000)).toEqual({ first: 0, end: 63 }); // centres 0 .. 31744
    expect(segmentFrameRange(32000, 64000, 512, 1000)).toEqual({ first: 63, end: 125 }); // 32256 .. 63488
    expect(segmentFrameRange(512, 1024, 512, 1000)).toEqual({ first: 1, end: 2 });
    expect(segmentFrameRange(0, 32000, 512, 40)).toEqual({ first: 0, end: 40 });
  });

  it("tiles a clip into consecutive segments covering every frame once", () => {
    // 100 800 samples, hop 160: 631 frames, the last centred on sample 100 800 itself.
    const ranges = consecutiveSegmentFrameRanges(100_800, 32000, 160, 631);
    expect(ranges).toEqual([
      { first: 0, end: 200 },
      { first: 200, end: 400 },
      { first: 400, end: 600 },
      { first: 600, end: 631 },
    ]);
  });
});

describe("meanStd / rowMeanStd", () => {
  it("give the mean and the population std (ddof 0) over the range", () => {
    const { mean, std } = meanStd(Float64Array.from([9, 1, 2, 3, 4, 9]), { first: 1, end: 5 });
    expect(mean).toBe(2.5);
    expect(std).toBeCloseTo(Math.sqrt(1.25), 15);
    // Frame-major 3 frames x 2 rows: row 0 = [1, 2, 3], row 1 = [10, 10, 40].
    const matrix = { data: Float64Array.from([1, 10, 2, 10, 3, 40]), nFrames: 3, nRows: 2 };
    const rows = rowMeanStd(matrix, { first: 0, end: 3 });
    expect(Array.from(rows.mean)).toEqual([2, 20]);
    expect(rows.std[0]).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(rows.std[1]).toBeCloseTo(Math.sqrt(200), 12);
  });

  it("refuse an empty range", () => {
    expect(() => meanStd(new Float64Array(4), { first: 2, end: 2 })).toThrow(RangeError);
  });
});

describe.each<StftParams>([
  { nFft: 2048, hopLength: 512, winLength: 2048 },
  { nFft: 512, hopLength: 160, winLength: 400 },
])("segment features from one whole-clip STFT (nFft $nFft, hop $hopLength)", (stft) => {
  const clip = testClip();
  const sampleRate = 16000;
  const power = powerSpectrogram(clip, stft);
  const filterbank = melFilterbank({ sampleRate, nFft: stft.nFft, nMels: 40, fMin: 0, fMax: 8000 });
  const ranges = consecutiveSegmentFrameRanges(clip.length, 2 * sampleRate, stft.hopLength, power.nFrames);

  const segments = ranges.map((range, index) => ({ index, range }));
  it.each(segments)("segment $index equals the documented definition", ({ range }) => {
    // The definition, computed independently: an STFT of just the segment's samples plus enough clip context on
    // each side (a whole number of hops, at least nFft / 2) that its frames see what the whole-clip frames see.
    const context = stft.hopLength * Math.ceil(stft.nFft / 2 / stft.hopLength);
    const from = Math.max(0, range.first * stft.hopLength - context);
    const to = Math.min(clip.length, (range.end - 1) * stft.hopLength + context);
    const excerptPower = powerSpectrogram(clip.subarray(from, to), stft);
    const offset = (range.first * stft.hopLength - from) / stft.hopLength;
    const excerptRange = { first: offset, end: offset + range.end - range.first };

    const centroidClip = meanStd(spectralCentroid(magnitudeSpectrogram(power), sampleRate), range);
    const centroidExcerpt = meanStd(spectralCentroid(magnitudeSpectrogram(excerptPower), sampleRate), excerptRange);
    expect(centroidClip.mean).toBeCloseTo(centroidExcerpt.mean, 6);
    expect(centroidClip.std).toBeCloseTo(centroidExcerpt.std, 6);

    // MFCC: the top_db floor is the segment's own (power_to_db over the segment's frames only).
    const segmentMfcc = (mel: ReturnType<typeof melSpectrogram>, first: number, end: number) => {
      const melPower = frameSlice(mel, first, end);
      return rowMeanStd(mfcc({ ...melPower, data: powerToDb(melPower.data, { ref: 1, amin: 1e-10, topDb: 80 }) }, 20), {
        first: 0,
        end: end - first,
      });
    };
    const mfccClip = segmentMfcc(melSpectrogram(power, filterbank), range.first, range.end);
    const mfccExcerpt = segmentMfcc(melSpectrogram(excerptPower, filterbank), excerptRange.first, excerptRange.end);
    for (let k = 0; k < 20; k++) {
      expect(mfccClip.mean[k]).toBeCloseTo(mfccExcerpt.mean[k], 7);
      expect(mfccClip.std[k]).toBeCloseTo(mfccExcerpt.std[k], 7);
    }
  });
});
