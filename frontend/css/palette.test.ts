import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The page's colours, read from the :root custom properties of page.css. */
const palette = Object.fromEntries(
  [...readFileSync(new URL("./page.css", import.meta.url), "utf8").matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map(
    ([, name, hex]) => [name, hex],
  ),
);

/** WCAG 2.x contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const color = (name: string) => {
  const value = name.startsWith("#") ? name : palette[name];
  if (!value) throw new Error(`--${name} is not defined in page.css`);
  return value;
};

describe("page.css palette (WCAG 2.1 AA)", () => {
  it("computes the contrast ratio the WCAG way", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 6);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it.each([
    ["text", "surface"],
    ["text", "bg"],
    ["muted", "surface"],
    ["muted", "bg"],
    ["muted", "drop-bg"],
    ["accent", "surface"],
    ["accent", "bg"],
    ["accent-hover", "hover-bg"],
    ["#ffffff", "accent"],
    ["#ffffff", "accent-hover"],
    ["real", "surface"],
    ["uncertain", "surface"],
    ["fake", "surface"],
  ])("text in --%s on --%s reaches 4.5:1", (foreground, background) => {
    expect(contrast(color(foreground), color(background))).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ["real", "strip"],
    ["uncertain", "strip"],
    ["fake", "strip"],
    ["wave", "real-tint"],
    ["wave", "uncertain-tint"],
    ["wave", "fake-tint"],
    ["text", "real-zone"],
    ["text", "uncertain-zone"],
    ["text", "fake-zone"],
    ["threshold", "strip"],
    ["focus", "surface"],
    ["focus", "bg"],
    ["drop-border", "surface"],
  ])("graphics in --%s on --%s reach 3:1", (foreground, background) => {
    expect(contrast(color(foreground), color(background))).toBeGreaterThanOrEqual(3);
  });
});
