/** How numbers read on the page. */

/**
 * @param {number} probability in [0, 1]
 * @param {number} decimals digits after the percentage's point
 * @returns {string} a percentage, whole by default; never "0%" or "100%", which would promise certainty the model lacks
 */
export function formatPercent(probability, decimals = 0) {
  if (probability < 0.005) return "<1%";
  if (probability > 0.995) return ">99%";
  const scale = 10 ** decimals;
  return `${(Math.round(probability * 100 * scale) / scale).toFixed(decimals)}%`;
}

/**
 * @param {number[]} probabilities in [0, 1]
 * @returns {string[]} the percentages with as few decimals (up to 2) as keep unequal values apart, so that a score
 *   just above a threshold never reads as equal to it ("15.2%" against a limit of "14.6%", not 15% against 15%)
 */
export function formatPercentsApart(probabilities) {
  /** @param {string[]} texts */
  const clash = (texts) => probabilities.some((p, i) => probabilities.some((q, j) => p !== q && texts[i] === texts[j]));
  let texts = probabilities.map((p) => formatPercent(p));
  for (let decimals = 1; decimals <= 2 && clash(texts); decimals++) texts = probabilities.map((p) => formatPercent(p, decimals));
  return texts;
}

/**
 * @param {number} seconds non-negative
 * @param {number} decimals digits after the seconds' point
 * @returns {string} m:ss with `decimals` digits, e.g. 1:05.3
 */
export function formatClock(seconds, decimals = 1) {
  const scale = 10 ** decimals;
  const total = Math.round(Math.max(0, seconds) * scale) / scale;
  const minutes = Math.floor(total / 60);
  const rest = (total - minutes * 60).toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, "0");
  return `${minutes}:${rest}`;
}

/** @param {number} seconds @returns {string} e.g. "4.5 s" */
export function formatSeconds(seconds) {
  return `${seconds.toFixed(1)} s`;
}
