import { describe, expect, it } from "vitest";
import { aptInstallLine, missingPackages } from "./requirements";

describe("requirements", () => {
  it("treats only ii packages as installed", () => {
    const out = "sox ii \nffmpeg rc \nflite:amd64 ii \n";
    expect(missingPackages(["sox", "ffmpeg", "flite", "codec2"], out)).toEqual(["ffmpeg", "codec2"]);
  });
  it("prints one apt-get line", () => {
    expect(aptInstallLine(["codec2", "libcodec2-dev"])).toBe("apt-get update && apt-get install -y --no-install-recommends codec2 libcodec2-dev");
  });
});

describe("data packages", () => {
  it("lists every package the real sources download, plus flightgear-data-base", async () => {
    const { DATA_PACKAGES } = await import("./requirements");
    expect(DATA_PACKAGES).toContain("tuxpaint-stamps-default");
    expect(DATA_PACKAGES).toContain("flightgear-data-base");
    expect(DATA_PACKAGES).toHaveLength(21);
  });
});
