/**
 * Reads the answer of POST /api/v1/analyze. A verdict is shown only for a 2xx answer whose body really is an
 * analysis (the contract in src/detector/types.ts); everything else becomes a PageError. The seed's page showed
 * any error body as "AI-Generated Audio" because it skipped exactly these checks.
 */
import { invalidResponse, problemFromResponse } from "./problem.js";

/** @typedef {import("../../src/detector/types").Analysis} Analysis */
/** @typedef {import("../../src/detector/types").Segment} Segment */
/** @typedef {import("../../src/detector/types").Thresholds} Thresholds */
/** @typedef {import("./problem.js").PageError} PageError */
/** @typedef {{ ok: true, analysis: Analysis } | { ok: false, error: PageError }} AnalyzeOutcome */

const VERDICTS = ["real", "fake", "uncertain"];

/**
 * @param {number} status HTTP status
 * @param {string | null} contentType the response's Content-Type header
 * @param {string} bodyText the response body
 * @returns {AnalyzeOutcome}
 */
export function readAnalyzeResponse(status, contentType, bodyText) {
  if (status < 200 || status > 299) return { ok: false, error: problemFromResponse(status, contentType, bodyText) };
  const analysis = parseAnalysis(bodyText);
  if (analysis) return { ok: true, analysis };
  const detail = "The server's answer is not an analysis result, so no verdict can be shown. Try again later.";
  return { ok: false, error: invalidResponse(status, detail) };
}

/**
 * @param {string} text
 * @returns {Analysis | null} the analysis when every field the page relies on is present and in range
 */
export function parseAnalysis(text) {
  /** @type {any} */
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  const ok =
    VERDICTS.includes(value.verdict) &&
    isProbability(value.probability_fake) &&
    isThresholds(value.thresholds) &&
    isSeconds(value.duration_s) &&
    isSeconds(value.analyzed_s) &&
    Array.isArray(value.segments) &&
    value.segments.every(isSegment) &&
    value.model !== null &&
    typeof value.model === "object" &&
    typeof value.model.name === "string";
  return ok ? value : null;
}

/** @param {unknown} x */
function isProbability(x) {
  return typeof x === "number" && x >= 0 && x <= 1;
}

/** @param {unknown} x */
function isSeconds(x) {
  return typeof x === "number" && Number.isFinite(x) && x >= 0;
}

/** @param {any} t */
function isThresholds(t) {
  return t !== null && typeof t === "object" && isProbability(t.fake) && isProbability(t.real) && t.real <= t.fake;
}

/** @param {any} s */
function isSegment(s) {
  return (
    s !== null && typeof s === "object" && isSeconds(s.start_s) && isSeconds(s.end_s) && s.end_s >= s.start_s &&
    isProbability(s.probability_fake)
  );
}
