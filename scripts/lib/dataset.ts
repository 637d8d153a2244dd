/**
 * The shape of training data shared by every learner: a row-major float32 feature matrix (one row per clip, the
 * same float32 values the Worker scores), binary labels (1 = positive class, "fake"), optional sample weights.
 */

export interface FeatureMatrix {
  nRows: number;
  nCols: number;
  /** Row i is values[i * nCols, (i + 1) * nCols). */
  values: Float32Array;
}

export interface TrainingSet {
  x: FeatureMatrix;
  /** 0 or 1 per row. */
  y: Uint8Array;
  /** Non-negative weight per row; 1 for every row when absent. */
  weight?: Float64Array;
}

/** "balanced" weighs each class by nRows / (2 * class count), as scikit-learn does; a pair gives [w0, w1]. */
export type ClassWeight = "balanced" | readonly [number, number];

export function matrixFromRows(rows: readonly ArrayLike<number>[]): FeatureMatrix {
  const nCols = rows.length > 0 ? rows[0].length : 0;
  const values = new Float32Array(rows.length * nCols);
  rows.forEach((row, i) => {
    if (row.length !== nCols) throw new RangeError(`row ${i} has ${row.length} values, row 0 has ${nCols}`);
    values.set(row, i * nCols);
  });
  return { nRows: rows.length, nCols, values };
}

/** Row i as a view (no copy). */
export function matrixRow(x: FeatureMatrix, i: number): Float32Array {
  return x.values.subarray(i * x.nCols, (i + 1) * x.nCols);
}

/** Column j as a fresh array. */
export function matrixColumn(x: FeatureMatrix, j: number): Float32Array {
  const column = new Float32Array(x.nRows);
  for (let i = 0; i < x.nRows; i++) column[i] = x.values[i * x.nCols + j];
  return column;
}

export function selectRows(x: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  const values = new Float32Array(rows.length * x.nCols);
  for (let i = 0; i < rows.length; i++) values.set(matrixRow(x, rows[i]), i * x.nCols);
  return { nRows: rows.length, nCols: x.nCols, values };
}

/** The rows `rows` of a training set, labels and weights included. */
export function selectTrainingRows(set: TrainingSet, rows: ArrayLike<number>): TrainingSet {
  const pick = <T extends Uint8Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = a[rows[i]];
    return out;
  };
  return { x: selectRows(set.x, rows), y: pick(set.y), weight: set.weight && pick(set.weight) };
}

/** Throws unless sizes agree, labels are 0/1, weights are finite and >= 0 and every feature is finite. */
export function checkTrainingSet(set: TrainingSet): TrainingSet {
  const { x, y, weight } = set;
  if (x.values.length !== x.nRows * x.nCols) throw new RangeError("matrix values do not match nRows * nCols");
  if (y.length !== x.nRows) throw new RangeError(`${y.length} labels for ${x.nRows} rows`);
  if (weight && weight.length !== x.nRows) throw new RangeError(`${weight.length} weights for ${x.nRows} rows`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] > 1) throw new RangeError(`label ${y[i]} at row ${i} is not 0 or 1`);
    if (weight && !(weight[i] >= 0 && weight[i] < Infinity)) throw new RangeError(`bad weight at row ${i}`);
  }
  for (let k = 0; k < x.values.length; k++) {
    if (!Number.isFinite(x.values[k])) {
      throw new RangeError(`feature ${k % x.nCols} of row ${Math.floor(k / x.nCols)} is not finite`);
    }
  }
  return set;
}

/** Per-row weight: the sample weight (or 1) times the weight of the row's class. */
export function rowWeights(set: TrainingSet, classWeight?: ClassWeight): Float64Array {
  const { y } = set;
  let perClass: readonly [number, number] = [1, 1];
  if (classWeight === "balanced") {
    const positives = y.reduce((sum, label) => sum + label, 0);
    const negatives = y.length - positives;
    perClass = [negatives ? y.length / (2 * negatives) : 0, positives ? y.length / (2 * positives) : 0];
  } else if (classWeight) {
    perClass = classWeight;
  }
  return Float64Array.from(y, (label, i) => (set.weight ? set.weight[i] : 1) * perClass[label]);
}
