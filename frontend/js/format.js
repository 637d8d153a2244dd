/** How numbers read on the page. */

/**
 * @param {number} probability in [0, 1]
 * @returns {string} a whole percentage; never "0%" or "100%", which would promise certainty the model lacks
 */
export function formatPercent(probability) {
  if (probability < 0.005) return "<1%";
  if (probability > 0.995) return ">99%";
  return `${Math.round(probability * 100)}%`;
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
