/**
 * Playback of the analysed audio with Web Audio, so a segment plays exactly from its start to its end (an <audio>
 * element seeks only approximately and reports its position four times a second).
 */

/**
 * @typedef {object} Player
 * @property {(from: number, to: number) => void} play plays seconds [from, to) of the buffer
 * @property {() => void} pause stops and keeps the position
 * @property {() => boolean} isPlaying
 * @property {() => number} position seconds
 * @property {() => void} dispose stops and releases the audio device
 */

/**
 * @param {AudioBuffer} buffer
 * @param {(state: { playing: boolean, position: number }) => void} onChange called on every animation frame while
 *   playing, and once when playback stops
 * @returns {Player}
 */
export function createPlayer(buffer, onChange) {
  /** @type {AudioContext | null} */
  let context = null;
  /** @type {AudioBufferSourceNode | null} */
  let source = null;
  let startedAt = 0;
  let from = 0;
  let to = 0;
  let position = 0;
  let frame = 0;

  const elapsed = () => (context && source ? Math.min(to, from + context.currentTime - startedAt) : position);

  function tick() {
    onChange({ playing: true, position: elapsed() });
    frame = requestAnimationFrame(tick);
  }

  /** @param {number} at where playback stopped, in seconds */
  function halt(at) {
    cancelAnimationFrame(frame);
    const playing = source;
    source = null;
    playing?.stop();
    // After the last sample the next Play starts again from the beginning.
    position = at >= buffer.duration - 1e-3 ? 0 : at;
    onChange({ playing: false, position });
  }

  return {
    play(start, end) {
      if (source) halt(elapsed());
      context ??= new AudioContext();
      void context.resume();
      from = Math.max(0, Math.min(start, buffer.duration));
      to = Math.max(from, Math.min(end, buffer.duration));
      const node = context.createBufferSource();
      node.buffer = buffer;
      node.connect(context.destination);
      node.onended = () => {
        if (source === node) halt(to);
      };
      source = node;
      startedAt = context.currentTime;
      node.start(0, from, to - from);
      tick();
    },
    pause() {
      if (source) halt(elapsed());
    },
    isPlaying: () => source !== null,
    position: elapsed,
    dispose() {
      if (source) halt(elapsed());
      void context?.close();
      context = null;
    },
  };
}
