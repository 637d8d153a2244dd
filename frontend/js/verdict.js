/**
 * The words of the verdict card: what the result means and what it cannot promise, in plain sentences. Built
 * from the server's own thresholds so the text never disagrees with the verdict.
 */
import { formatClock, formatPercentsApart, formatSeconds } from "./format.js";

/** @typedef {import("../../src/detector/types").Analysis} Analysis */
/** @typedef {{ headline: string, score: string, meaning: string, caveat: string, announcement: string }} VerdictText */

/** @param {Analysis} analysis @returns {VerdictText} */
export function describeVerdict(analysis) {
  // Decimals only where whole percentages would make the score read as equal to a threshold it is not.
  const [score, fakeAt, realAt] = formatPercentsApart([analysis.probability_fake, analysis.thresholds.fake, analysis.thresholds.real]);
  /** @type {Omit<VerdictText, "score" | "announcement">} */
  let text;
  switch (analysis.verdict) {
    case "real":
      text = {
        headline: "Likely real human speech",
        meaning: `The model rates the chance that this voice is AI-generated at ${score}, at or below its ${realAt} limit for real speech.`,
        caveat: "This is a statistical estimate, not proof: a new voice generator or heavy compression can fool it.",
      };
      break;
    case "fake":
      text = {
        headline: "Likely AI-generated",
        meaning: `The model rates the chance that this voice is AI-generated at ${score}, at or above its ${fakeAt} threshold.`,
        caveat: "It can be wrong, for example on noisy or heavily compressed recordings: treat this as a reason to check further, not as proof.",
      };
      break;
    default:
      text = {
        headline: "Uncertain",
        meaning: `The score of ${score} lies between the limits for real speech (${realAt} or less) and AI-generated speech (${fakeAt} or more), so the model cannot tell.`,
        caveat: "Look at the timeline for parts that stand out, and weigh other evidence about the recording.",
      };
  }
  return { ...text, score, announcement: `Result: ${text.headline}. AI-likelihood ${score}.` };
}

/**
 * @param {Analysis} analysis
 * @param {{ sourceSeconds: number, uploadedSeconds: number }} source what the user gave and what was sent
 * @returns {string} what the verdict is based on, in a line
 */
export function analysedLine(analysis, source) {
  const parts = [`Analysed ${formatSeconds(analysis.analyzed_s)} of ${formatSeconds(analysis.duration_s)}`];
  if (analysis.trimmed_s > 0) parts[0] += ` (${formatSeconds(analysis.trimmed_s)} of silence removed)`;
  const excerpts = analysis.excerpts ?? [];
  if (excerpts.length > 1) parts[0] += `, in ${excerpts.length} excerpts spread over the recording`;
  if (source.sourceSeconds > source.uploadedSeconds + 0.05) {
    parts.push(`only the first ${formatClock(source.uploadedSeconds, 0)} of ${formatClock(source.sourceSeconds, 0)} were sent`);
  }
  parts.push(`model ${analysis.model.name} ${analysis.model.version}`);
  return `${parts.join("; ")}.`;
}
