/**
 * Geometry of the result timeline: where each analysed segment sits along the waveform, how tall its probability
 * bar is and which class its score falls in. Pure numbers in, numbers out, so the view only draws.
 */

/** @typedef {import("../../src/detector/types").Segment} Segment */
/** @typedef {import("../../src/detector/types").Thresholds} Thresholds */
/** @typedef {"real" | "uncertain" | "fake"} Level */
/**
 * @typedef {object} SegmentBar
 * @property {number} x left edge, in track units
 * @property {number} width in track units, at least `minWidth`
 * @property {number} barHeight probability times the track height
 * @property {Level} level
 */

/**
 * The class a probability falls in, with the API's rule: at or above `fake` is fake, at or below `real` is real.
 * @param {number} probability @param {Thresholds} thresholds @returns {Level}
 */
export function levelOf(probability, thresholds) {
  if (probability >= thresholds.fake) return "fake";
  if (probability <= thresholds.real) return "real";
  return "uncertain";
}

/**
 * @param {number} seconds @param {number} duration seconds shown by the track @param {number} width track units
 * @returns {number} x in [0, width]
 */
export function timeToX(seconds, duration, width) {
  if (!(duration > 0)) return 0;
  return Math.min(width, Math.max(0, (seconds / duration) * width));
}

/**
 * @param {Segment[]} segments
 * @param {Thresholds} thresholds
 * @param {{ duration: number, width: number, height: number, minWidth: number }} track duration in seconds;
 *   width and height in track units; minWidth keeps very short segments visible and clickable
 * @returns {SegmentBar[]} one bar per segment, in the same order
 */
export function segmentBars(segments, thresholds, track) {
  return segments.map((segment) => {
    const x = timeToX(segment.start_s, track.duration, track.width);
    const end = timeToX(segment.end_s, track.duration, track.width);
    const width = Math.max(track.minWidth, end - x);
    return {
      x: Math.min(x, track.width - width),
      width,
      barHeight: segment.probability_fake * track.height,
      level: levelOf(segment.probability_fake, thresholds),
    };
  });
}

/**
 * Seconds the track must show: the audio, or further if the server's segments reach beyond it.
 * @param {number} audioSeconds @param {Segment[]} segments
 */
export function trackDuration(audioSeconds, segments) {
  return segments.reduce((longest, s) => Math.max(longest, s.end_s), audioSeconds);
}

/**
 * @param {Segment[]} segments sorted by start
 * @param {number} seconds
 * @returns {number} index of the segment playing at `seconds`, or -1
 */
export function segmentIndexAt(segments, seconds) {
  return segments.findIndex((s) => seconds >= s.start_s && seconds < s.end_s);
}

/**
 * Keyboard use of the segment buttons (one Tab stop, arrows move between segments).
 * @param {string} key KeyboardEvent.key @param {number} current focused segment @param {number} count segments
 * @returns {number | "activate" | null} the segment to focus, "activate" to play the current one, null to ignore
 */
export function rovingTarget(key, current, count) {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return Math.min(count - 1, current + 1);
    case "ArrowLeft":
    case "ArrowUp":
      return Math.max(0, current - 1);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    case "Enter":
    case " ":
      return "activate";
    default:
      return null;
  }
}
