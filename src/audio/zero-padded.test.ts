import { expect, it } from "vitest";
import { copyZeroPadded, scratchSpan } from "./zero-padded";

it.each([
  [-3, 5],
  [-2, 12],
  [0, 6],
  [2, 4],
  [5, 6],
  [9, 3],
  [-4, 2],
])("copyZeroPadded(x, %i, %i) takes x where the range overlaps it and zeros elsewhere", (start, count) => {
  const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  const span = scratchSpan(count + 2);
  copyZeroPadded(x, start, count, span);
  const expected = Array.from({ length: count }, (_, i) => x[start + i] ?? 0);
  expect(span.slice(0, count)).toEqual(expected);
  expect(span.slice(count)).toEqual([0.5, 0.5]); // nothing written past count
});
