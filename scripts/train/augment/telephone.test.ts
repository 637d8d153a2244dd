import { describe, expect, it } from "vitest";
import { levelDb, tone } from "../../../src/audio/testing/tones";
import { telephoneRoundTrip } from "./telephone";

describe("telephoneRoundTrip", () => {
  for (const law of ["mulaw", "alaw"] as const) {
    it(`${law}: keeps speech-band tones, removes the band above 4 kHz, adds quantisation noise`, () => {
      const inBand = tone(16000, 1000, 1, 0.3);
      const y = telephoneRoundTrip(inBand, 16000, law);
      expect(y.length).toBe(16000);
      expect(Math.abs(levelDb(y, 0.3))).toBeLessThan(0.5);
      const error = y.subarray(800, 15200).map((v, i) => v - inBand[800 + i]);
      const errorDb = 10 * Math.log10(error.reduce((s, v) => s + v * v, 0) / error.length / (0.3 ** 2 / 2));
      expect(errorDb).toBeLessThan(-25); // G.711 SNR is about 38 dB on a loud tone
      expect(errorDb).toBeGreaterThan(-60);
      expect(levelDb(telephoneRoundTrip(tone(16000, 6000, 1, 0.3), 16000, law), 0.3)).toBeLessThan(-30);
    });
  }
});
