/**
 * Copies x[start .. start + count) into span[0 .. count), with zeros where the range runs outside x: the window
 * of input one block of a filter's outputs reads, with the signal's zero padding built in.
 *
 * The filters read their input through such a window in a plain array of doubles rather than straight from the
 * Float32Array: V8 checks every typed-array element access (bounds, and detachment once any ArrayBuffer in the
 * process has been detached), and a filter reads each input sample many times. Measured on the 44.1 -> 16 kHz
 * polyphase loop (7M multiply-adds): 11.5 ms from typed arrays, 7.0 ms from plain arrays (4.5 with no detached
 * buffer in the process, against 7.3).
 */
export function copyZeroPadded(x: Float32Array, start: number, count: number, span: number[]): void {
  const { lo, hi } = insideWindow(start, count, x.length);
  for (let i = 0; i < lo; i++) span[i] = 0;
  for (let i = lo; i < hi; i++) span[i] = x[start + i];
  for (let i = hi; i < count; i++) span[i] = 0;
}

/** A scratch window of `length` doubles for copyZeroPadded (a packed array of doubles from the start). */
export function scratchSpan(length: number): number[] {
  return Array.from({ length }, () => 0.5);
}

/** Positions [lo, hi) of a window start .. start + count - 1 that lie inside a signal of `length` samples. */
export function insideWindow(start: number, count: number, length: number): { lo: number; hi: number } {
  const lo = Math.max(0, Math.min(count, -start));
  return { lo, hi: Math.max(lo, Math.min(count, length - start)) };
}
