import { describe, expect, it } from "vitest";
import { levelDb, tone } from "../../../src/audio/testing/tones";
import { resampleRoundTrip } from "./band-limit";

describe("resampleRoundTrip", () => {
  it("removes what lies above half the intermediate rate and keeps what lies below", () => {
    const high = resampleRoundTrip(tone(16000, 5000, 1), 16000, 8000);
    const low = resampleRoundTrip(tone(16000, 1000, 1), 16000, 8000);
    expect(high.length).toBe(16000);
    expect(levelDb(high, 0.5)).toBeLessThan(-40);
    expect(Math.abs(levelDb(low, 0.5))).toBeLessThan(0.5);
  });
});
