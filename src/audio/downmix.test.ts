import { describe, expect, it } from "vitest";
import { downmixToMono } from "./downmix";

/** The mean over channels by its definition, rounded to float32 once. */
function mean(values: ArrayLike<number>, channels: number, frames: number, scale: number): Float32Array {
  return Float32Array.from({ length: frames }, (_, i) => {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += values[i * channels + c];
    return (sum * scale) / channels;
  });
}

describe("downmixToMono", () => {
  // Extremes and sign changes in both channels, so a wrong sign extension of either half would show.
  const codes = [0, 1, -1, 32767, -32768, 12345, -12345, 2, -32768, -32768, 32767, 32767, -7, 7];

  it.each([0, 2])("16-bit stereo equals the channel mean at byte offset %i (read in pairs when aligned)", (offset) => {
    const buffer = new ArrayBuffer(offset + 2 * codes.length);
    const values = new Int16Array(buffer, offset, codes.length);
    values.set(codes);
    const frames = codes.length / 2;
    expect(downmixToMono(values, 2, frames, 2 ** -15)).toEqual(mean(codes, 2, frames, 2 ** -15));
  });

  it("reads only the frames asked for", () => {
    const values = Int16Array.from(codes);
    expect(downmixToMono(values, 2, 3, 2 ** -15)).toEqual(mean(codes, 2, 3, 2 ** -15));
  });

  it.each([1, 3, 6])("%i channels of 24-bit values equal the channel mean", (channels) => {
    const values = Int32Array.from({ length: 5 * channels }, (_, i) => ((i * 2654435761) % 16777216) - 8388608);
    expect(downmixToMono(values, channels, 5, 2 ** -23)).toEqual(mean(values, channels, 5, 2 ** -23));
  });
});
