/**
 * The documented limits of a deployment, read from its vars with defaults. A var that is set but is not a positive
 * number is a deployment mistake: it throws rather than silently running with a limit nobody chose.
 */
export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_ANALYZED_SECONDS = 600;

export interface Limits {
  maxUploadBytes: number;
  maxAnalyzedSeconds: number;
}

/** The vars as ApiBindings declares them (not imported: the CLI reads these defaults in Node, without Worker types). */
export function limitsFrom(env: { MAX_UPLOAD_BYTES?: string; MAX_ANALYZED_SECONDS?: string }): Limits {
  return {
    maxUploadBytes: positiveNumber("MAX_UPLOAD_BYTES", env.MAX_UPLOAD_BYTES, DEFAULT_MAX_UPLOAD_BYTES, true),
    maxAnalyzedSeconds: positiveNumber(
      "MAX_ANALYZED_SECONDS",
      env.MAX_ANALYZED_SECONDS,
      DEFAULT_MAX_ANALYZED_SECONDS,
      false,
    ),
  };
}

function positiveNumber(name: string, text: string | undefined, fallback: number, integer: boolean): number {
  if (text === undefined || text.trim() === "") return fallback;
  const value = Number(text);
  const valid = Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value));
  if (!valid) throw new Error(`${name} must be a positive ${integer ? "integer" : "number"}, got "${text}"`);
  return value;
}
