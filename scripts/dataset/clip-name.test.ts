import { describe, expect, it } from "vitest";
import { childStem, stemFromPath } from "./clip-name";

describe("clip names", () => {
  it("flattens the package path and drops the extension", () => {
    expect(stemFromPath("kajongg/usr/share/kajongg/voices/de/female1/dangerousgame.ogg")).toBe(
      "kajongg_usr_share_kajongg_voices_de_female1_dangerousgame",
    );
  });
  it("cuts to the last 90 characters like the shipped corpus", () => {
    const stem = stemFromPath(
      "asterisk-core-sounds-en-g722/usr/share/asterisk/sounds/en_US_f_Allison/confbridge-inc-talk-vol-out.g722",
    );
    expect(stem).toBe("-core-sounds-en-g722_usr_share_asterisk_sounds_en_US_f_Allison_confbridge-inc-talk-vol-out");
    expect(stem).toHaveLength(90);
  });
  it("never makes hidden files and can keep the extension", () => {
    expect(stemFromPath("../../../usr/x.wav")).toBe("usr_x");
    expect(stemFromPath("fotaq-speech/4100B3P2.mp3", true)).toBe("fotaq-speech_4100B3P2.mp3");
  });
  it("prefixes vocoder copies", () => {
    expect(childStem("lpcnet", "a_b")).toBe("lpcnet_a_b");
    expect(childStem("codec2-1300", "x".repeat(95))).toHaveLength(100);
  });
});
