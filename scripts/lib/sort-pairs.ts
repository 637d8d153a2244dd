/**
 * In-place sorting of float32 keys with an int32 payload moved alongside (TypedArray.prototype.sort cannot carry
 * one): how the tree learners order a node's samples by a feature.
 */

const INSERTION_SORT_BELOW = 16;

/** Sorts keys[lo, hi) ascending (NaN-free keys), applying the same moves to items[lo, hi). Not stable. */
export function sortPairs(keys: Float32Array, items: Int32Array, lo = 0, hi = keys.length): void {
  while (hi - lo > INSERTION_SORT_BELOW) {
    // Hoare partition around the median of three; recurse into the smaller side so the stack stays O(log n).
    const a = keys[lo];
    const b = keys[(lo + hi) >>> 1];
    const c = keys[hi - 1];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi - 1;
    for (;;) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i >= j) break;
      const key = keys[i];
      keys[i] = keys[j];
      keys[j] = key;
      const item = items[i];
      items[i] = items[j];
      items[j] = item;
      i++;
      j--;
    }
    if (j + 1 - lo < hi - j - 1) {
      sortPairs(keys, items, lo, j + 1);
      lo = j + 1;
    } else {
      sortPairs(keys, items, j + 1, hi);
      hi = j + 1;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const key = keys[i];
    const item = items[i];
    let j = i - 1;
    while (j >= lo && keys[j] > key) {
      keys[j + 1] = keys[j];
      items[j + 1] = items[j];
      j--;
    }
    keys[j + 1] = key;
    items[j + 1] = item;
  }
}

/** The indices that sort `values` ascending (ties in no particular but deterministic order). */
export function argsort(values: Float32Array): Int32Array {
  const order = Int32Array.from({ length: values.length }, (_, i) => i);
  sortPairs(values.slice(), order);
  return order;
}
