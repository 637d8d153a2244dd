/**
 * 16-bit PCM WAV encoding of mono float samples, done in the page so the API only ever receives the one format
 * every deployment decodes. Samples follow the usual int16 convention: round(x * 32768), clipped to the int16
 * range, so samples that came from a 16-bit file survive a round trip unchanged.
 */

const HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;

/**
 * @param {Float32Array} samples mono samples, nominally in [-1, 1]; NaN is written as 0
 * @param {number} sampleRate in Hz, a positive integer
 * @returns {ArrayBuffer} a complete RIFF/WAVE file (PCM, 1 channel, 16 bit)
 */
export function encodeWav16(samples, sampleRate) {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError(`invalid sample rate ${sampleRate}`);
  const dataBytes = samples.length * BYTES_PER_SAMPLE;
  const buffer = new ArrayBuffer(HEADER_BYTES + dataBytes);
  const view = new DataView(buffer);
  writeAscii(view, 0, "RIFF");
  view.setUint32(4, HEADER_BYTES - 8 + dataBytes, true);
  writeAscii(view, 8, "WAVE");
  writeAscii(view, 12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size for plain PCM
  view.setUint16(20, 1, true); // WAVE_FORMAT_PCM
  view.setUint16(22, 1, true); // channels
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * BYTES_PER_SAMPLE, true); // byte rate
  view.setUint16(32, BYTES_PER_SAMPLE, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  writeAscii(view, 36, "data");
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) {
    view.setInt16(HEADER_BYTES + i * BYTES_PER_SAMPLE, toInt16(samples[i]), true);
  }
  return buffer;
}

/** @param {number} x */
function toInt16(x) {
  if (Number.isNaN(x)) return 0;
  return Math.max(-32768, Math.min(32767, Math.round(x * 32768)));
}

/** @param {DataView} view @param {number} offset @param {string} text ASCII only */
function writeAscii(view, offset, text) {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
}
