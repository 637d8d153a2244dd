/** The stages `npm run bench:workerd` times, in the order of its table (shared by the script and its Worker). */
export const STAGES = ["decode", "resample", "trim", "stft", "frame features", "summarize", "detector"] as const;
export type Stage = (typeof STAGES)[number];
