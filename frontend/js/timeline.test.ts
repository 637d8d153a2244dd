import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelOf, rovingTarget, segmentBars, segmentIndexAt, timeToX, trackDuration } from "./timeline.js";

const thresholds = { fake: 0.7, real: 0.3 };
const segments = [
  { start_s: 0, end_s: 2, probability_fake: 0.1 },
  { start_s: 2, end_s: 4, probability_fake: 0.5 },
  { start_s: 4, end_s: 4.5, probability_fake: 0.9 },
];

describe("levelOf", () => {
  it("follows the API's rule: thresholds themselves belong to real and fake", () => {
    expect(levelOf(0.3, thresholds)).toBe("real");
    expect(levelOf(0.30001, thresholds)).toBe("uncertain");
    expect(levelOf(0.69999, thresholds)).toBe("uncertain");
    expect(levelOf(0.7, thresholds)).toBe("fake");
  });

  it("has no uncertain band when both thresholds are equal", () => {
    expect(levelOf(0.5, { fake: 0.5, real: 0.5 })).toBe("fake");
    expect(levelOf(0.49, { fake: 0.5, real: 0.5 })).toBe("real");
  });
});

describe("segmentBars", () => {
  it("places segments proportionally to time with bar height = probability", () => {
    const bars = segmentBars(segments, thresholds, { duration: 4.5, width: 900, height: 40, minWidth: 2 });
    expect(bars).toEqual([
      { x: 0, width: 400, barHeight: 4, level: "real" },
      { x: 400, width: 400, barHeight: 20, level: "uncertain" },
      { x: 800, width: 100, barHeight: 36, level: "fake" },
    ]);
  });

  it("widens a tiny segment to minWidth and keeps it inside the track", () => {
    const [bar] = segmentBars([{ start_s: 599.99, end_s: 600, probability_fake: 1 }], thresholds, {
      duration: 600,
      width: 1000,
      height: 10,
      minWidth: 4,
    });
    expect(bar).toMatchObject({ x: 996, width: 4, barHeight: 10 });
  });

  it("keeps every bar inside the track for any segments", () => {
    const segment = fc
      .tuple(fc.double({ min: 0, max: 700, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([start, length, p]) => ({ start_s: start, end_s: start + length, probability_fake: p }));
    fc.assert(
      fc.property(fc.array(segment), fc.double({ min: 0.1, max: 800, noNaN: true }), (list, duration) => {
        for (const bar of segmentBars(list, thresholds, { duration, width: 1000, height: 40, minWidth: 3 })) {
          expect(bar.x).toBeGreaterThanOrEqual(0);
          expect(bar.x + bar.width).toBeLessThanOrEqual(1000 + 1e-9);
          expect(bar.width).toBeGreaterThanOrEqual(3);
          expect(bar.barHeight).toBeGreaterThanOrEqual(0);
          expect(bar.barHeight).toBeLessThanOrEqual(40);
        }
      }),
    );
  });
});

describe("timeToX", () => {
  it("clamps to the track and survives a zero duration", () => {
    expect(timeToX(1, 4, 100)).toBe(25);
    expect(timeToX(-1, 4, 100)).toBe(0);
    expect(timeToX(9, 4, 100)).toBe(100);
    expect(timeToX(1, 0, 100)).toBe(0);
  });
});

describe("trackDuration", () => {
  it("covers the audio and any segment reaching past it", () => {
    expect(trackDuration(4.53, segments)).toBe(4.53);
    expect(trackDuration(4.2, segments)).toBe(4.5);
    expect(trackDuration(3, [])).toBe(3);
  });
});

describe("segmentIndexAt", () => {
  it("finds the segment containing a time, start inclusive, end exclusive", () => {
    expect(segmentIndexAt(segments, 0)).toBe(0);
    expect(segmentIndexAt(segments, 2)).toBe(1);
    expect(segmentIndexAt(segments, 4.49)).toBe(2);
    expect(segmentIndexAt(segments, 4.5)).toBe(-1);
  });
});

describe("rovingTarget", () => {
  it("moves with arrows within bounds, jumps with Home and End, activates with Enter and Space", () => {
    expect(rovingTarget("ArrowRight", 1, 3)).toBe(2);
    expect(rovingTarget("ArrowDown", 2, 3)).toBe(2);
    expect(rovingTarget("ArrowLeft", 0, 3)).toBe(0);
    expect(rovingTarget("ArrowUp", 2, 3)).toBe(1);
    expect(rovingTarget("Home", 2, 3)).toBe(0);
    expect(rovingTarget("End", 0, 3)).toBe(2);
    expect(rovingTarget("Enter", 1, 3)).toBe("activate");
    expect(rovingTarget(" ", 1, 3)).toBe("activate");
    expect(rovingTarget("Tab", 1, 3)).toBeNull();
  });
});
