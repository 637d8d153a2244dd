/** librosa `power_to_db` parameters. */
export interface PowerToDbParams {
  /** Reference power mapped to 0 dB (librosa ref; ref=1.0 for features). */
  readonly ref: number;
  /** Floor applied to the power and to ref before the logarithm (librosa amin, 1e-10). */
  readonly amin: number;
  /** Values more than topDb below the largest value of the whole array are raised to it; null disables it. */
  readonly topDb: number | null;
}

/** 10 log10(x) = (10 / ln 10) ln(x); Math.log is about 1.5x faster than Math.log10 in V8. */
const DB_PER_NEPER = 10 / Math.LN10;

/**
 * librosa `power_to_db`: 10 log10(max(amin, S)) - 10 log10(max(amin, |ref|)), then floored at max - topDb where
 * the maximum is over the WHOLE array given (every band and frame of the clip, not per frame). Works on any
 * layout; pass a frame range (`frameSlice(...).data`) to floor relative to that range only.
 */
export function powerToDb(power: Float64Array, params: PowerToDbParams): Float64Array {
  const { amin, topDb } = params;
  const refDb = powerDb(Math.abs(params.ref), amin);
  const db = new Float64Array(power.length);
  let max = -Infinity;
  for (let i = 0; i < power.length; i++) {
    const value = powerDb(power[i], amin) - refDb;
    db[i] = value;
    if (value > max) max = value;
  }
  if (topDb !== null) {
    const floor = max - topDb;
    for (let i = 0; i < db.length; i++) if (db[i] < floor) db[i] = floor;
  }
  return db;
}

/** One power in dB relative to 1: 10 log10(max(amin, power)). */
export function powerDb(power: number, amin: number): number {
  return DB_PER_NEPER * Math.log(Math.max(amin, power));
}
