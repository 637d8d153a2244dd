/**
 * The waveform outline: per pixel column the lowest and highest sample, drawn as one closed SVG area path
 * (top edge along the maxima, back along the minima), so a 10-minute file costs a few hundred path points.
 */

/**
 * @param {Float32Array} samples
 * @param {number} columns positive integer
 * @returns {{ min: Float32Array, max: Float32Array }} per column, each range widened to include 0 so the outline
 *   stays joined along the centre line; clipped to full scale

 */
export function waveformPeaks(samples, columns) {
  const min = new Float32Array(columns);
  const max = new Float32Array(columns);
  const perColumn = samples.length / columns;
  for (let c = 0; c < columns; c++) {
    const from = Math.floor(c * perColumn);
    const to = Math.max(from + 1, Math.floor((c + 1) * perColumn));
    let lo = 0;
    let hi = 0;
    for (let i = from; i < to && i < samples.length; i++) {
      const v = samples[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[c] = Math.max(-1, lo);
    max[c] = Math.min(1, hi);
  }
  return { min, max };
}

/**
 * @param {{ min: Float32Array, max: Float32Array }} peaks
 * @param {number} width track units
 * @param {number} height track units; 0 dBFS reaches the top and bottom edges
 * @returns {string} SVG path data; empty for no columns
 */
export function waveformPath(peaks, width, height) {
  const columns = peaks.max.length;
  if (columns === 0) return "";
  const step = width / columns;
  const middle = height / 2;
  // Half a unit either side of the centre line so silence still shows as a thin line.
  const y = (/** @type {number} */ v, /** @type {number} */ sign) => round(middle - v * middle - sign * 0.5);
  const top = [];
  const bottom = [];
  for (let c = 0; c < columns; c++) {
    top.push(`${round(c * step)},${y(peaks.max[c], 1)} ${round((c + 1) * step)},${y(peaks.max[c], 1)}`);
  }
  for (let c = columns - 1; c >= 0; c--) {
    bottom.push(`${round((c + 1) * step)},${y(peaks.min[c], -1)} ${round(c * step)},${y(peaks.min[c], -1)}`);
  }
  return `M${top.join(" ")} L${bottom.join(" ")} Z`;
}

/** @param {number} v */
function round(v) {
  return Math.round(v * 100) / 100;
}
