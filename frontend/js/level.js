/**
 * The microphone level meter's reading: RMS of the latest block in dBFS, mapped linearly from a floor of -60 dB
 * (room noise) to 0 dB onto [0, 1], because a linear RMS meter sits near zero for normal speech.
 */
const FLOOR_DB = -60;

/** @param {Float32Array} block time-domain samples @returns {number} in [0, 1] */
export function meterLevel(block) {
  if (block.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block[i] * block[i];
  const rms = Math.sqrt(sum / block.length);
  if (rms === 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}
