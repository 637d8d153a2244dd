/**
 * The model binary: one little-endian blob holding a Forest, laid out so that every array is a typed-array view
 * into the blob (no copy, every section 4-byte aligned from the start of the blob).
 *
 * Header, 32 bytes:
 *
 * | offset | type   | field                                                        |
 * |--------|--------|--------------------------------------------------------------|
 * | 0      | u8[4]  | magic "VGFR"                                                 |
 * | 4      | u16    | format version, 1                                            |
 * | 6      | u8     | aggregation: 0 mean, 1 logistic-sum                          |
 * | 7      | u8     | calibration: 0 none, 1 platt, 2 isotonic                     |
 * | 8      | u32    | nFeatures (length of the feature vector)                     |
 * | 12     | u32    | nTrees                                                       |
 * | 16     | u32    | nSplits, split nodes over all trees                          |
 * | 20     | u32    | nLeaves, leaves over all trees (nSplits + nTrees)            |
 * | 24     | u32    | nCalibration, number of calibration values                   |
 * | 28     | f32    | baseScore                                                    |
 *
 * Sections, in this order, right after the header:
 * splitStart u32[nTrees + 1], leafStart u32[nTrees + 1], threshold f32[nSplits], leafValue f32[nLeaves],
 * calibration f32[nCalibration] (platt: a, b; isotonic: x[k] then y[k]), feature u16[nSplits],
 * children u16[2 * nSplits], then zero bytes up to a multiple of 4. See forest.ts for what the arrays mean.
 *
 * Cost: 10 bytes per split node, 4 per leaf, 8 per tree (plus 8): a tree with L leaves takes 14 L - 2 bytes.
 *
 * There is no checksum: parsing validates the structure (every count, offset, child reference and feature index,
 * and that every number is finite), which is what makes evaluation safe, and the model card's sha256 identifies
 * the exact bytes. Hashing the blob in JavaScript would cost the Worker's first parse more than all the checks.
 */
import type { Calibration } from "./calibration";
import { type Aggregation, type Forest, checkForest, treeCount } from "./forest";

export const MAGIC = "VGFR";
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 32;
const AGGREGATIONS: readonly Aggregation[] = ["mean", "logistic-sum"];
const CALIBRATIONS: readonly Calibration["kind"][] = ["none", "platt", "isotonic"];
const LITTLE_ENDIAN_PLATFORM = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface Counts {
  nTrees: number;
  nSplits: number;
  nLeaves: number;
  nCalibration: number;
}

/** Byte offset of each section and the padded total, from the counts in the header. */
function layout({ nTrees, nSplits, nLeaves, nCalibration }: Counts) {
  const splitStart = HEADER_BYTES;
  const leafStart = splitStart + 4 * (nTrees + 1);
  const threshold = leafStart + 4 * (nTrees + 1);
  const leafValue = threshold + 4 * nSplits;
  const calibration = leafValue + 4 * nLeaves;
  const feature = calibration + 4 * nCalibration;
  const children = feature + 2 * nSplits;
  const end = children + 4 * nSplits;
  return { splitStart, leafStart, threshold, leafValue, calibration, feature, children, total: Math.ceil(end / 4) * 4 };
}

function calibrationValues(calibration: Calibration): Float32Array {
  switch (calibration.kind) {
    case "none":
      return new Float32Array(0);
    case "platt":
      return Float32Array.of(calibration.a, calibration.b);
    case "isotonic": {
      const values = new Float32Array(2 * calibration.x.length);
      values.set(calibration.x);
      values.set(calibration.y, calibration.x.length);
      return values;
    }
  }
}

function calibrationFrom(kind: Calibration["kind"], values: Float32Array): Calibration {
  const fail = (): never => {
    throw new RangeError(`corrupt model: ${values.length} values for a ${kind} calibration`);
  };
  switch (kind) {
    case "none":
      return values.length === 0 ? { kind } : fail();
    case "platt":
      return values.length === 2 ? { kind, a: values[0], b: values[1] } : fail();
    case "isotonic": {
      const k = values.length / 2;
      return k >= 1 && Number.isInteger(k) ? { kind, x: values.subarray(0, k), y: values.subarray(k) } : fail();
    }
  }
}

function requireFloat32(name: string, value: number): void {
  if (Math.fround(value) !== value) throw new RangeError(`${name} ${value} is not a float32 value: Math.fround it`);
}

/** Serialises a forest (checked first) into the model binary. */
export function encodeForest(forest: Forest): Uint8Array {
  if (!LITTLE_ENDIAN_PLATFORM) throw new Error("the model binary can only be written on a little-endian platform");
  checkForest(forest);
  requireFloat32("baseScore", forest.baseScore);
  if (forest.calibration.kind === "platt") {
    requireFloat32("Platt a", forest.calibration.a);
    requireFloat32("Platt b", forest.calibration.b);
  }
  const calibration = calibrationValues(forest.calibration);
  const counts = {
    nTrees: treeCount(forest),
    nSplits: forest.feature.length,
    nLeaves: forest.leafValue.length,
    nCalibration: calibration.length,
  };
  const at = layout(counts);
  const buffer = new ArrayBuffer(at.total);
  const header = new DataView(buffer);
  for (let i = 0; i < 4; i++) header.setUint8(i, MAGIC.charCodeAt(i));
  header.setUint16(4, FORMAT_VERSION, true);
  header.setUint8(6, AGGREGATIONS.indexOf(forest.aggregation));
  header.setUint8(7, CALIBRATIONS.indexOf(forest.calibration.kind));
  header.setUint32(8, forest.nFeatures, true);
  header.setUint32(12, counts.nTrees, true);
  header.setUint32(16, counts.nSplits, true);
  header.setUint32(20, counts.nLeaves, true);
  header.setUint32(24, counts.nCalibration, true);
  header.setFloat32(28, forest.baseScore, true);
  new Uint32Array(buffer, at.splitStart, counts.nTrees + 1).set(forest.splitStart);
  new Uint32Array(buffer, at.leafStart, counts.nTrees + 1).set(forest.leafStart);
  new Float32Array(buffer, at.threshold, counts.nSplits).set(forest.threshold);
  new Float32Array(buffer, at.leafValue, counts.nLeaves).set(forest.leafValue);
  new Float32Array(buffer, at.calibration, counts.nCalibration).set(calibration);
  new Uint16Array(buffer, at.feature, counts.nSplits).set(forest.feature);
  new Uint16Array(buffer, at.children, 2 * counts.nSplits).set(forest.children);
  return new Uint8Array(buffer);
}

/**
 * Reads and validates a model binary. The arrays of the result are views into `bytes` (copied once only when
 * `bytes` does not start on a 4-byte boundary), so `bytes` must not be modified afterwards. Throws a RangeError
 * saying what is wrong when the blob is not a well-formed model: wrong magic or version, truncated or oversized,
 * or any inconsistency that checkForest finds.
 */
export function parseForest(bytes: Uint8Array): Forest {
  if (!LITTLE_ENDIAN_PLATFORM) throw new Error("the model binary can only be read on a little-endian platform");
  const fail = (why: string): never => {
    throw new RangeError(`corrupt model: ${why}`);
  };
  if (bytes.byteLength < HEADER_BYTES) fail(`${bytes.byteLength} bytes is shorter than the header`);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes); // a copy, even of a Node Buffer
  const { buffer, byteOffset } = aligned;
  const header = new DataView(buffer, byteOffset, HEADER_BYTES);
  const magic = String.fromCharCode(...aligned.subarray(0, 4));
  if (magic !== MAGIC) fail(`magic is ${JSON.stringify(magic)}, not ${JSON.stringify(MAGIC)}`);
  const version = header.getUint16(4, true);
  if (version !== FORMAT_VERSION) fail(`format version ${version} is not ${FORMAT_VERSION}`);
  const aggregation = AGGREGATIONS[header.getUint8(6)] ?? fail(`unknown aggregation ${header.getUint8(6)}`);
  const calibrationKind = CALIBRATIONS[header.getUint8(7)] ?? fail(`unknown calibration ${header.getUint8(7)}`);
  const counts = {
    nTrees: header.getUint32(12, true),
    nSplits: header.getUint32(16, true),
    nLeaves: header.getUint32(20, true),
    nCalibration: header.getUint32(24, true),
  };
  const at = layout(counts);
  if (at.total !== aligned.byteLength) fail(`the header describes ${at.total} bytes but there are ${aligned.byteLength}`);
  for (let i = at.children + 4 * counts.nSplits; i < at.total; i++) if (aligned[i] !== 0) fail("padding is not zero");
  const view = <T>(Type: new (b: ArrayBufferLike, o: number, n: number) => T, offset: number, length: number) =>
    new Type(buffer, byteOffset + offset, length);
  return checkForest({
    nFeatures: header.getUint32(8, true),
    aggregation,
    baseScore: header.getFloat32(28, true),
    splitStart: view(Uint32Array, at.splitStart, counts.nTrees + 1),
    leafStart: view(Uint32Array, at.leafStart, counts.nTrees + 1),
    threshold: view(Float32Array, at.threshold, counts.nSplits),
    leafValue: view(Float32Array, at.leafValue, counts.nLeaves),
    calibration: calibrationFrom(calibrationKind, view(Float32Array, at.calibration, counts.nCalibration)),
    feature: view(Uint16Array, at.feature, counts.nSplits),
    children: view(Uint16Array, at.children, 2 * counts.nSplits),
  });
}
