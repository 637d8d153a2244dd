/**
 * A tiny SVG plotter for ROC and DET curves: several labelled curves, axes with ticks and labels, a legend.
 * No dependencies; the same curves always give the same bytes (coordinates rounded to 0.1 px).
 */
import { probit } from "./probit";
import type { RocPoint } from "./roc";

export interface Axis {
  label: string;
  /** "probit" places a value p at probit(p), as DET plots do. */
  scale: "linear" | "probit";
  min: number;
  max: number;
  ticks: readonly number[];
  /** How a tick value is written. */
  format: (value: number) => string;
}

export interface PlotCurve {
  label: string;
  points: readonly { x: number; y: number }[];
}

export interface PlotOptions {
  title: string;
  x: Axis;
  y: Axis;
  /** Draw the dashed line y = x (chance for ROC, equal error rates for DET). */
  diagonal: boolean;
  /** Corner of the plot area that holds the legend. */
  legend: "top-right" | "bottom-right";
  width?: number;
  height?: number;
}

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
const MARGIN = { left: 64, right: 16, top: 32, bottom: 48 };

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);
const px = (value: number) => value.toFixed(1);

/** Maps a value on an axis to [0, 1] of its length, clamped (so rates of 0 land on a probit axis's edge). */
function position(axis: Axis, value: number): number {
  const transform = axis.scale === "probit" ? probit : (v: number) => v;
  const clamped = Math.min(Math.max(value, axis.min), axis.max);
  return (transform(clamped) - transform(axis.min)) / (transform(axis.max) - transform(axis.min));
}

export function plotCurves(curves: readonly PlotCurve[], options: PlotOptions): string {
  const width = options.width ?? 480;
  const height = options.height ?? 420;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const sx = (v: number) => px(MARGIN.left + position(options.x, v) * plotWidth);
  const sy = (v: number) => px(MARGIN.top + (1 - position(options.y, v)) * plotHeight);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${px(width / 2)}" y="20" text-anchor="middle" font-size="13">${escapeXml(options.title)}</text>`,
  ];
  for (const tick of options.x.ticks) {
    out.push(
      `<line x1="${sx(tick)}" y1="${MARGIN.top}" x2="${sx(tick)}" y2="${MARGIN.top + plotHeight}" stroke="#e0e0e0"/>`,
      `<text x="${sx(tick)}" y="${MARGIN.top + plotHeight + 16}" text-anchor="middle">${escapeXml(options.x.format(tick))}</text>`,
    );
  }
  for (const tick of options.y.ticks) {
    out.push(
      `<line x1="${MARGIN.left}" y1="${sy(tick)}" x2="${MARGIN.left + plotWidth}" y2="${sy(tick)}" stroke="#e0e0e0"/>`,
      `<text x="${MARGIN.left - 6}" y="${sy(tick)}" text-anchor="end" dominant-baseline="middle">${escapeXml(options.y.format(tick))}</text>`,
    );
  }
  out.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="black"/>`,
    `<text x="${px(MARGIN.left + plotWidth / 2)}" y="${height - 10}" text-anchor="middle">${escapeXml(options.x.label)}</text>`,
    `<text transform="translate(16 ${px(MARGIN.top + plotHeight / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(options.y.label)}</text>`,
  );
  if (options.diagonal) {
    const low = Math.max(options.x.min, options.y.min);
    const high = Math.min(options.x.max, options.y.max);
    out.push(`<line x1="${sx(low)}" y1="${sy(low)}" x2="${sx(high)}" y2="${sy(high)}" stroke="#999" stroke-dasharray="4 4"/>`);
  }
  const legendWidth = 180;
  const legendHeight = 8 + 16 * curves.length;
  const legendX = MARGIN.left + plotWidth - legendWidth - 8;
  const legendY = options.legend === "top-right" ? MARGIN.top + 8 : MARGIN.top + plotHeight - legendHeight - 8;
  curves.forEach((curve, k) => {
    const points = curve.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(" ");
    out.push(`<polyline fill="none" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="1.5" points="${points}"/>`);
  });
  out.push(
    `<rect x="${legendX}" y="${legendY}" width="${legendWidth}" height="${legendHeight}" fill="white" fill-opacity="0.85" stroke="#ccc"/>`,
  );
  curves.forEach((curve, k) => {
    const y = legendY + 12 + 16 * k;
    out.push(
      `<line x1="${legendX + 6}" y1="${y}" x2="${legendX + 26}" y2="${y}" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="2"/>`,
      `<text x="${legendX + 32}" y="${y}" dominant-baseline="middle">${escapeXml(curve.label)}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

const percent = (value: number) => `${Number((value * 100).toPrecision(3))}%`;
const fraction = (value: number) => value.toFixed(1);

export interface LabelledRoc {
  label: string;
  curve: readonly RocPoint[];
}

/** ROC curves: true positive rate against false positive rate, with the chance diagonal. */
export function plotRoc(curves: readonly LabelledRoc[], title = "ROC"): string {
  const axis = (label: string): Axis => ({ label, scale: "linear", min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], format: fraction });
  return plotCurves(
    curves.map(({ label, curve }) => ({ label, points: curve.map((p) => ({ x: p.falsePositiveRate, y: p.truePositiveRate })) })),
    { title, x: axis("False positive rate (real called fake)"), y: axis("True positive rate (fake called fake)"), diagonal: true, legend: "bottom-right" },
  );
}

/** DET curves: false negative rate against false positive rate on probit axes, with the EER diagonal. */
export function plotDet(curves: readonly LabelledRoc[], title = "DET"): string {
  const axis = (label: string): Axis => ({
    label,
    scale: "probit",
    min: 0.001,
    max: 0.8,
    ticks: [0.001, 0.01, 0.05, 0.2, 0.5, 0.8],
    format: percent,
  });
  return plotCurves(
    curves.map(({ label, curve }) => ({ label, points: curve.map((p) => ({ x: p.falsePositiveRate, y: 1 - p.truePositiveRate })) })),
    { title, x: axis("False positive rate (real called fake)"), y: axis("False negative rate (fake called real)"), diagonal: true, legend: "top-right" },
  );
}
