/**
 * Draws the result timeline as SVG: the waveform tinted by each segment's class, a strip of probability bars with
 * the two thresholds, and a playback cursor. Each segment is a focusable button (click, or arrow keys then
 * Enter/Space) with a roving tabindex, so the whole timeline is one Tab stop.
 */
import { formatClock, formatPercent } from "./format.js";
import { waveformPath, waveformPeaks } from "./peaks.js";
import { rovingTarget, segmentBars, segmentIndexAt, timeToX } from "./timeline.js";

/** @typedef {import("../../src/detector/types").Segment} Segment */
/** @typedef {import("../../src/detector/types").Thresholds} Thresholds */

const SVG_NS = "http://www.w3.org/2000/svg";
/** Track units; the SVG stretches to its box (preserveAspectRatio="none"). */
const WIDTH = 1000;
const WAVE_HEIGHT = 100;
const STRIP_TOP = 108;
const STRIP_HEIGHT = 48;
const COLUMNS = 500;

/**
 * @param {SVGSVGElement} svg emptied and redrawn
 * @param {{ samples: Float32Array, duration: number, segments: Segment[], thresholds: Thresholds,
 *   onSegment: (segment: Segment) => void }} model duration in seconds, shown across the full width
 * @returns {{ setCursor: (seconds: number | null) => void }}
 */
export function drawTimeline(svg, { samples, duration, segments, thresholds, onSegment }) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${WIDTH} ${STRIP_TOP + STRIP_HEIGHT}`);
  svg.setAttribute("preserveAspectRatio", "none");

  const bars = segmentBars(segments, thresholds, { duration, width: WIDTH, height: STRIP_HEIGHT, minWidth: 3 });
  for (const bar of bars) {
    svg.append(shape("rect", { class: `tl-band level-${bar.level}`, x: bar.x, y: 0, width: bar.width, height: WAVE_HEIGHT }));
  }
  svg.append(shape("path", { class: "tl-wave", d: waveformPath(waveformPeaks(samples, COLUMNS), WIDTH, WAVE_HEIGHT) }));
  svg.append(shape("rect", { class: "tl-strip", x: 0, y: STRIP_TOP, width: WIDTH, height: STRIP_HEIGHT }));
  for (const bar of bars) {
    const y = STRIP_TOP + STRIP_HEIGHT - bar.barHeight;
    svg.append(shape("rect", { class: `tl-bar level-${bar.level}`, x: bar.x + 1, y, width: Math.max(1, bar.width - 2), height: bar.barHeight }));
  }
  for (const [name, value] of /** @type {const} */ ([["fake", thresholds.fake], ["real", thresholds.real]])) {
    const y = STRIP_TOP + STRIP_HEIGHT * (1 - value);
    // A light halo under the dashes keeps the line visible where it crosses a bar.
    svg.append(shape("line", { class: "tl-threshold-halo", x1: 0, x2: WIDTH, y1: y, y2: y }));
    svg.append(shape("line", { class: `tl-threshold threshold-${name}`, x1: 0, x2: WIDTH, y1: y, y2: y }));
  }
  const cursor = shape("line", { class: "tl-cursor", x1: 0, x2: 0, y1: 0, y2: STRIP_TOP + STRIP_HEIGHT, visibility: "hidden" });
  svg.append(cursor);

  const hits = bars.map((bar, i) => {
    const segment = segments[i];
    const label = `${formatClock(segment.start_s)} to ${formatClock(segment.end_s)}: AI-likelihood ${formatPercent(segment.probability_fake)}`;
    const hit = shape("rect", {
      class: "tl-hit",
      x: bar.x,
      y: 0,
      width: bar.width,
      height: STRIP_TOP + STRIP_HEIGHT,
      role: "button",
      tabindex: i === 0 ? 0 : -1,
      "aria-label": `Play ${label}`,
    });
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = label;
    hit.append(title);
    hit.addEventListener("click", () => onSegment(segment));
    svg.append(hit);
    return hit;
  });
  svg.onkeydown = (event) => {
    const current = hits.indexOf(/** @type {SVGRectElement} */ (document.activeElement));
    if (current < 0) return;
    const next = rovingTarget(event.key, current, hits.length);
    if (next === "activate") onSegment(segments[current]);
    else if (next !== null) focusHit(hits, next);
    else return;
    event.preventDefault();
  };

  let playingIndex = -1;
  return {
    setCursor(seconds) {
      cursor.setAttribute("visibility", seconds === null ? "hidden" : "visible");
      const x = seconds === null ? 0 : timeToX(seconds, duration, WIDTH);
      cursor.setAttribute("x1", String(x));
      cursor.setAttribute("x2", String(x));
      const index = seconds === null ? -1 : segmentIndexAt(segments, seconds);
      if (index !== playingIndex) {
        hits[playingIndex]?.classList.remove("playing");
        hits[index]?.classList.add("playing");
        playingIndex = index;
      }
    },
  };
}

/** @param {SVGRectElement[]} hits @param {number} index */
function focusHit(hits, index) {
  for (const [i, hit] of hits.entries()) hit.setAttribute("tabindex", i === index ? "0" : "-1");
  hits[index].focus();
}

/**
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag @param {Record<string, string | number>} attributes
 * @returns {SVGElementTagNameMap[K]}
 */
function shape(tag, attributes) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}
