import { describe, expect, it } from "vitest";
import { type Axis, plotCurves, plotDet, plotRoc } from "./curve-plot";
import { probit } from "./probit";
import { rocCurve } from "./roc";

const curve = rocCurve([0.1, 0.4, 0.35, 0.8, 0.6, 0.2], Uint8Array.of(0, 0, 1, 1, 1, 0));
const linear: Axis = { label: "x", scale: "linear", min: 0, max: 1, ticks: [0, 0.5, 1], format: String };

/** The polylines' points as numbers. */
const polylines = (svg: string) =>
  [...svg.matchAll(/<polyline [^>]*points="([^"]*)"/g)].map((m) => m[1].split(" ").map((pair) => pair.split(",").map(Number)));

describe("plotCurves", () => {
  it("maps values into the plot area: 64 px left margin, 400 px wide, 32 px top margin, 340 px high", () => {
    const svg = plotCurves([{ label: "a", points: [{ x: 0, y: 0 }, { x: 0.5, y: 1 }, { x: 1, y: 0.25 }] }], {
      title: "t",
      x: linear,
      y: { ...linear, label: "y" },
      diagonal: false,
      legend: "top-right",
    });
    expect(polylines(svg)).toEqual([[[64, 372], [264, 32], [464, 287]]]);
  });

  it("places a probit axis value at its probit and clamps values outside the axis to its edges", () => {
    const axis: Axis = { ...linear, scale: "probit", min: 0.01, max: 0.5 };
    const svg = plotCurves([{ label: "a", points: [{ x: 0.1, y: 0 }, { x: 0.9, y: 0.5 }] }], {
      title: "t",
      x: axis,
      y: axis,
      diagonal: true,
      legend: "bottom-right",
    });
    const expectedX = 64 + ((probit(0.1) - probit(0.01)) / (0 - probit(0.01))) * 400;
    const [[first, second]] = polylines(svg);
    expect(first[0]).toBeCloseTo(expectedX, 1);
    expect(first[1]).toBe(372);
    expect(second).toEqual([464, 32]);
  });

  it("escapes labels and writes the same bytes for the same curves", () => {
    const svg = plotRoc([{ label: 'forest <v2> & "friends"', curve }]);
    expect(svg).toContain("forest &lt;v2&gt; &amp; &quot;friends&quot;");
    expect(plotRoc([{ label: 'forest <v2> & "friends"', curve }])).toBe(svg);
  });
});

describe("plotRoc and plotDet", () => {
  it("draw one line per curve with its legend entry, on labelled axes", () => {
    for (const plot of [plotRoc, plotDet]) {
      const svg = plot([
        { label: "first", curve },
        { label: "second", curve: curve.slice(1) },
      ]);
      expect(svg.startsWith("<svg ")).toBe(true);
      expect(svg.trim().endsWith("</svg>")).toBe(true);
      expect(polylines(svg).map((points) => points.length)).toEqual([curve.length, curve.length - 1]);
      expect(svg).toContain(">first</text>");
      expect(svg).toContain(">second</text>");
      expect(svg).toContain("False positive rate (real called fake)");
    }
    expect(plotDet([{ label: "a", curve }])).toContain(">0.1%</text>");
  });
});
