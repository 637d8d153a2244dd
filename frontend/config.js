/**
 * Deployment settings of the page. The defaults suit the Worker, which serves the page and the API together.
 *
 * Hosting the page elsewhere (e.g. `wrangler pages deploy frontend`): set `apiOrigin` to the API's origin, list the
 * page's origin in the API's ALLOWED_ORIGINS, and add the API's origin to the page's CSP `connect-src`.
 * See frontend/README.md.
 */

/** Origin of the API, e.g. "https://voiceguard.example.workers.dev"; "" means the page's own origin. */
export const apiOrigin = "";

/** Length of each timeline segment requested from the API, in seconds (the API accepts 0.5 to 10). */
export const segmentSeconds = 2;

/** Audio beyond this many seconds is not uploaded (the API analyses at most 600 s by default). */
export const maxUploadSeconds = 600;

/** The microphone recorder stops by itself after this many seconds. */
export const maxRecordSeconds = 60;

/** Files larger than this are refused before decoding: decoding hours of audio can exhaust a phone's memory. */
export const maxFileBytes = 150 * 1024 * 1024;
