/**
 * Fills the verdict card: headline, score, a gauge showing where the score sits between the thresholds, the plain
 * sentences of verdict.js and a line on what was analysed.
 */
import { byId } from "./dom.js";
import { analysedLine, describeVerdict } from "./verdict.js";

/** @typedef {import("../../src/detector/types").Analysis} Analysis */

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * @param {Analysis} analysis
 * @param {{ name: string, sourceSeconds: number, uploadedSeconds: number }} source what the user gave and what was sent
 * @returns {string} the sentence to announce
 */
export function showVerdict(analysis, source) {
  const text = describeVerdict(analysis);
  byId("verdict-card", HTMLElement).dataset.verdict = analysis.verdict;
  byId("result-name", HTMLElement).textContent = source.name;
  byId("verdict-headline", HTMLElement).textContent = text.headline;
  byId("verdict-percent", HTMLElement).textContent = text.score;
  byId("verdict-meaning", HTMLElement).textContent = text.meaning;
  byId("verdict-caveat", HTMLElement).textContent = text.caveat;
  byId("verdict-meta", HTMLElement).textContent = analysedLine(analysis, source);
  drawGauge(byId("verdict-gauge", SVGSVGElement), analysis.probability_fake, analysis.thresholds);
  return text.announcement;
}

/**
 * @param {SVGSVGElement} svg viewBox 0 0 100 12: zones for real, uncertain and fake, and a marker at the score
 * @param {number} probability
 * @param {import("../../src/detector/types").Thresholds} thresholds
 */
function drawGauge(svg, probability, thresholds) {
  const real = thresholds.real * 100;
  const fake = thresholds.fake * 100;
  const marker = Math.min(99, Math.max(1, probability * 100));
  svg.replaceChildren(
    rect("gauge-zone level-real", 0, 3, real, 6),
    rect("gauge-zone level-uncertain", real, 3, fake - real, 6),
    rect("gauge-zone level-fake", fake, 3, 100 - fake, 6),
    rect("gauge-marker", marker - 0.75, 0, 1.5, 12),
  );
}

/** @param {string} className @param {number} x @param {number} y @param {number} width @param {number} height */
function rect(className, x, y, width, height) {
  const element = document.createElementNS(SVG_NS, "rect");
  for (const [name, value] of Object.entries({ class: className, x, y, width, height })) element.setAttribute(name, String(value));
  return element;
}
