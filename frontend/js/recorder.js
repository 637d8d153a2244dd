/**
 * The microphone recorder: getUserMedia + MediaRecorder, a level meter fed by an AnalyserNode, and a hard maximum
 * length. The recording comes back as the browser's own compressed format (WebM/Opus in Chromium and Firefox,
 * MP4/AAC in Safari) and takes the same decode path as an uploaded file.
 */
import { meterLevel } from "./level.js";

/** @typedef {import("./problem.js").PageError} PageError */
/** @typedef {{ stop: () => void, finished: Promise<Blob> }} Recording */

const TICK_MS = 100;

/**
 * @param {{ maxSeconds: number, onLevel: (level: number) => void, onTick: (seconds: number) => void }} options
 *   onLevel gets [0, 1] and onTick the elapsed seconds, every 100 ms
 * @returns {Promise<Recording>} rejects with a PageError when the microphone is unavailable
 */
export async function startRecording({ maxSeconds, onLevel, onTick }) {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") throw unsupported();
  /** @type {MediaStream} */
  let stream;
  try {
    // The browser's voice processing would alter exactly the traces the detector looks at.
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (e) {
    throw microphoneError(e);
  }
  const recorder = new MediaRecorder(stream);
  /** @type {Blob[]} */
  const chunks = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };

  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  context.createMediaStreamSource(stream).connect(analyser);
  const block = new Float32Array(analyser.fftSize);
  const startedAt = performance.now();
  const ticker = setInterval(() => {
    analyser.getFloatTimeDomainData(block);
    onLevel(meterLevel(block));
    const seconds = (performance.now() - startedAt) / 1000;
    onTick(Math.min(seconds, maxSeconds));
    if (seconds >= maxSeconds) stop();
  }, TICK_MS);

  const finished = new Promise((resolve) => {
    recorder.onstop = () => {
      clearInterval(ticker);
      for (const track of stream.getTracks()) track.stop();
      void context.close();
      resolve(new Blob(chunks, { type: recorder.mimeType }));
    };
  });
  function stop() {
    if (recorder.state !== "inactive") recorder.stop();
  }
  recorder.start();
  return { stop, finished: /** @type {Promise<Blob>} */ (finished) };
}

/** @param {unknown} e @returns {PageError} */
function microphoneError(e) {
  const name = e instanceof DOMException ? e.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return {
      title: "Microphone access was refused",
      detail: "Allow this site to use the microphone in your browser's settings, then try again.",
      code: "microphone_denied",
      status: null,
    };
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return { title: "No microphone found", detail: "Connect a microphone and try again.", code: "microphone_missing", status: null };
  }
  return {
    title: "The microphone could not be started",
    detail: e instanceof Error && e.message ? e.message : "Another application may be using it.",
    code: "microphone_failed",
    status: null,
  };
}

/** @returns {PageError} */
function unsupported() {
  return {
    title: "Recording is not available here",
    detail: "This browser cannot record audio on this page (recording needs a secure https page). Upload a file instead.",
    code: "recording_unsupported",
    status: null,
  };
}
