/**
 * Turns any failed HTTP answer into an error the page can show. The API answers failures with
 * application/problem+json (RFC 9457: type, title, status, detail, code), but a proxy, a CDN or a misconfigured
 * deployment may answer with HTML or plain text; the page must show those as errors too, never as a verdict.
 */

/**
 * What the page shows for every failure: from the API, the network or the browser's decoder.
 * @typedef {object} PageError
 * @property {string} title short, plain statement of what went wrong
 * @property {string} detail what the user can do about it, or the server's own explanation
 * @property {string} code stable machine code (the API's `code`, or one of the page's own)
 * @property {number | null} status HTTP status when the error came from an HTTP answer
 */

/** Longest server text shown verbatim; longer bodies are cut (they are rarely meant for people). */
const MAX_TEXT_DETAIL = 300;

/** @type {Record<number, string>} */
const STATUS_ADVICE = {
  400: "The server could not read the audio it was sent.",
  401: "This server needs an API key, which this page does not have.",
  403: "This server refused the request.",
  404: "The analysis service was not found at the configured address.",
  405: "The analysis service does not accept this kind of request.",
  413: "The recording is larger than the server accepts. Try a shorter excerpt.",
  415: "The server did not accept the audio format it was sent.",
  422: "The recording holds too little speech to analyse.",
  429: "Too many analyses in a short time. Wait a minute and try again.",
};

/**
 * @param {number} status HTTP status (not 2xx)
 * @param {string | null} contentType the response's Content-Type header
 * @param {string} bodyText the response body as text
 * @returns {PageError}
 */
export function problemFromResponse(status, contentType, bodyText) {
  const fallback = fallbackDetail(status);
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("json")) {
    const body = parseJsonObject(bodyText);
    if (body) {
      return {
        title: textField(body.title) ?? `The server answered ${status}`,
        detail: textField(body.detail) ?? textField(body.message) ?? textField(body.error) ?? fallback,
        code: textField(body.code) ?? `http_${status}`,
        status,
      };
    }
  }
  const text = type.startsWith("text/plain") ? bodyText.trim() : "";
  return {
    title: `The server answered ${status}`,
    detail: text ? truncate(text, MAX_TEXT_DETAIL) : fallback,
    code: `http_${status}`,
    status,
  };
}

/**
 * @param {string} target what could not be reached, shown to the user (an origin)
 * @returns {PageError}
 */
export function networkError(target) {
  return {
    title: "Could not reach the analysis service",
    detail: `No answer from ${target}. Check your connection and try again.`,
    code: "network_error",
    status: null,
  };
}

/**
 * A 2xx answer whose body is not what the page asked for.
 * @param {number} status @param {string} detail what was wrong, for the user
 * @returns {PageError}
 */
export function invalidResponse(status, detail) {
  return { title: "Unexpected answer from the server", detail, code: "invalid_response", status };
}

/** @param {number} status */
function fallbackDetail(status) {
  if (STATUS_ADVICE[status]) return STATUS_ADVICE[status];
  if (status >= 500) return "The server had a problem. Try again in a moment.";
  return "The server could not analyse this recording.";
}

/** @param {string} text @returns {Record<string, unknown> | null} */
function parseJsonObject(text) {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** @param {unknown} value @returns {string | null} a non-empty trimmed string, else null */
function textField(value) {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** @param {string} text @param {number} max */
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
