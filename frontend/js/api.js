/**
 * The page's calls to the API. Uploads use XMLHttpRequest because fetch() cannot report upload progress.
 */
import { apiOrigin, segmentSeconds } from "../config.js";
import { readAnalyzeResponse } from "./analysis.js";
import { invalidResponse, networkError, problemFromResponse } from "./problem.js";

/** @typedef {import("./analysis.js").AnalyzeOutcome} AnalyzeOutcome */
/** @typedef {import("./problem.js").PageError} PageError */

/** @returns {string} the configured API origin, or the page's own */
export function apiBase() {
  return apiOrigin || location.origin;
}

/** @param {string} path absolute path on the API, e.g. "/api/v1/model" */
export function apiUrl(path) {
  return new URL(path, apiBase()).href;
}

/** Points every `<a data-api-path="/docs">` at the API, which may live on another origin than the page. */
export function pointLinksAtApi() {
  for (const link of document.querySelectorAll("a[data-api-path]")) {
    if (link instanceof HTMLAnchorElement && link.dataset.apiPath) link.href = apiUrl(link.dataset.apiPath);
  }
}

/**
 * POST /api/v1/analyze with a WAV body.
 * @param {Blob} wav 16-bit PCM WAV
 * @param {{ onProgress: (fraction: number) => void, signal: AbortSignal }} options onProgress gets [0, 1]
 * @returns {Promise<AnalyzeOutcome>} rejects only with an AbortError when `signal` aborts
 */
export function analyze(wav, { onProgress, signal }) {
  return new Promise((resolve, reject) => {
    const url = new URL(apiUrl("/api/v1/analyze"));
    url.searchParams.set("segment_seconds", String(segmentSeconds));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url.href);
    xhr.setRequestHeader("Content-Type", "audio/wav");
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve(readAnalyzeResponse(xhr.status, xhr.getResponseHeader("Content-Type"), xhr.responseText));
    // A refused CORS request also lands here: the browser hides the reason from scripts.
    xhr.onerror = () => resolve({ ok: false, error: networkError(apiBase()) });
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(wav);
  });
}

/**
 * GET /api/v1/model.
 * @returns {Promise<{ ok: true, card: Record<string, unknown> } | { ok: false, error: PageError }>}
 */
export async function fetchModelCard() {
  let response;
  try {
    response = await fetch(apiUrl("/api/v1/model"), { headers: { Accept: "application/json" } });
  } catch {
    return { ok: false, error: networkError(apiBase()) };
  }
  const text = await response.text();
  if (!response.ok) return { ok: false, error: problemFromResponse(response.status, response.headers.get("Content-Type"), text) };
  try {
    const card = JSON.parse(text);
    if (card !== null && typeof card === "object" && !Array.isArray(card)) return { ok: true, card };
  } catch {
    // falls through to the error below
  }
  return { ok: false, error: invalidResponse(response.status, "The model card is not a JSON object.") };
}
