import { describe, expect, it } from "vitest";
import { levelDb, tone } from "../../../src/audio/testing/tones";
import { mp3RoundTrip } from "./mp3";

describe("mp3RoundTrip", () => {
  it("encodes and decodes a tone at 16 kHz, keeping its level, deterministically", async () => {
    const x = tone(16000, 440, 1, 0.3);
    const y = await mp3RoundTrip(x, 16000, 32);
    expect(y.length).toBeGreaterThanOrEqual(x.length);
    expect(Math.abs(levelDb(y.subarray(2000, 14000), 0.3))).toBeLessThan(1);
    expect(await mp3RoundTrip(x, 16000, 32)).toEqual(y);
  });
});
