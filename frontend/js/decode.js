/**
 * Any audio the browser can decode (WAV, MP3, M4A/AAC, Ogg/Opus, FLAC, WebM...) becomes 16 kHz mono samples, the
 * form the API analyses. decodeAudioData resamples to its context's rate with the browser's high-quality
 * resampler, so decoding happens in a 16 kHz context; a second OfflineAudioContext with one output channel then
 * downmixes with the Web Audio "speakers" rules (stereo: (L + R) / 2) without resampling again.
 */

/** @typedef {import("./problem.js").PageError} PageError */

export const TARGET_RATE = 16000;

/**
 * @typedef {object} DecodedAudio
 * @property {AudioBuffer} buffer 16 kHz mono, for playback
 * @property {Float32Array} samples the buffer's only channel
 * @property {number} sourceSeconds duration of the whole decoded input
 * @property {number} channels channel count of the input
 */

/**
 * @param {ArrayBuffer} bytes an encoded audio file (detached afterwards)
 * @param {number} maxSeconds audio beyond this is dropped before downmixing
 * @returns {Promise<DecodedAudio>} rejects with a PageError the page can show as is
 */
export async function decodeToMono16k(bytes, maxSeconds) {
  const decoder = new OfflineAudioContext({ numberOfChannels: 1, length: 1, sampleRate: TARGET_RATE });
  /** @type {AudioBuffer} */
  let decoded;
  try {
    decoded = await decoder.decodeAudioData(bytes);
  } catch {
    throw decodeError();
  }
  if (decoded.length === 0) throw decodeError();
  const frames = Math.min(decoded.length, Math.round(maxSeconds * TARGET_RATE));
  const mixer = new OfflineAudioContext({ numberOfChannels: 1, length: frames, sampleRate: TARGET_RATE });
  const source = mixer.createBufferSource();
  source.buffer = decoded;
  source.connect(mixer.destination);
  source.start();
  const buffer = await mixer.startRendering();
  return { buffer, samples: buffer.getChannelData(0), sourceSeconds: decoded.duration, channels: decoded.numberOfChannels };
}

/** @returns {PageError} */
function decodeError() {
  return {
    title: "This file could not be decoded",
    detail:
      "Your browser could not read it as audio: it may be damaged, empty, or in a format this browser does not play. " +
      "Try WAV, MP3, M4A, Ogg, FLAC or WebM.",
    code: "decode_failed",
    status: null,
  };
}
