/**
 * The page: a file (picked or dropped) or a microphone recording is decoded and converted to 16 kHz mono WAV in
 * the browser, uploaded with progress, and answered with a verdict card and a playable timeline, or an error.
 */
import { maxFileBytes, maxRecordSeconds, maxUploadSeconds } from "../config.js";
import { analyze, pointLinksAtApi } from "./api.js";
import { decodeToMono16k, TARGET_RATE } from "./decode.js";
import { byId } from "./dom.js";
import { formatClock } from "./format.js";
import { createPlayer } from "./player.js";
import { startRecording } from "./recorder.js";
import { drawTimeline } from "./timeline-view.js";
import { trackDuration } from "./timeline.js";
import { showVerdict } from "./verdict-view.js";
import { encodeWav16 } from "./wav-encoder.js";

/** @typedef {import("./problem.js").PageError} PageError */
/** @typedef {import("./analysis.js").Analysis} Analysis */
/** @typedef {import("./decode.js").DecodedAudio} DecodedAudio */

const ui = {
  fileInput: byId("file-input", HTMLInputElement),
  dropZone: byId("drop-zone", HTMLElement),
  recordButton: byId("record-button", HTMLButtonElement),
  recordingPanel: byId("recording", HTMLElement),
  levelMeter: byId("level-meter", HTMLMeterElement),
  recordTimer: byId("record-timer", HTMLElement),
  stopButton: byId("stop-button", HTMLButtonElement),
  progressPanel: byId("progress-panel", HTMLElement),
  statusText: byId("status-text", HTMLElement),
  uploadProgress: byId("upload-progress", HTMLProgressElement),
  cancelButton: byId("cancel-button", HTMLButtonElement),
  errorCard: byId("error-card", HTMLElement),
  errorTitle: byId("error-title", HTMLElement),
  errorDetail: byId("error-detail", HTMLElement),
  errorCode: byId("error-code", HTMLElement),
  result: byId("result", HTMLElement),
  timeline: byId("timeline", SVGSVGElement),
  timelineEnd: byId("timeline-end", HTMLElement),
  playButton: byId("play-button", HTMLButtonElement),
  playPosition: byId("play-position", HTMLElement),
  downloadButton: byId("download-button", HTMLButtonElement),
  announcer: byId("announcer", HTMLElement),
};

/** Incremented by every new analysis and by Cancel; an older run that resumes after an await stops there. */
let currentRun = 0;
/** @type {AbortController | null} */
let uploadController = null;
/** @type {import("./player.js").Player | null} */
let player = null;
/** @type {{ analysis: Analysis, name: string } | null} */
let shown = null;

pointLinksAtApi();
ui.recordTimer.textContent = `0:00 / ${formatClock(maxRecordSeconds, 0)}`;

ui.fileInput.addEventListener("change", () => {
  const file = ui.fileInput.files?.[0];
  ui.fileInput.value = ""; // so that picking the same file again analyses it again
  if (file) void analyseFile(file);
});
ui.dropZone.addEventListener("dragover", (event) => {
  event.preventDefault();
  if (!ui.fileInput.disabled) ui.dropZone.classList.add("dragging");
});
ui.dropZone.addEventListener("dragleave", () => ui.dropZone.classList.remove("dragging"));
ui.dropZone.addEventListener("drop", (event) => {
  event.preventDefault();
  ui.dropZone.classList.remove("dragging");
  const file = event.dataTransfer?.files[0];
  if (file && !ui.fileInput.disabled) void analyseFile(file);
});
// A file dropped beside the zone would otherwise make the browser navigate away to it.
for (const type of ["dragover", "drop"]) window.addEventListener(type, (event) => event.preventDefault());

ui.recordButton.addEventListener("click", () => void record());
ui.cancelButton.addEventListener("click", cancel);
ui.playButton.addEventListener("click", () => {
  if (!player) return;
  if (player.isPlaying()) player.pause();
  else player.play(player.position(), Number.POSITIVE_INFINITY);
});
ui.downloadButton.addEventListener("click", downloadResult);

/** @param {File} file */
async function analyseFile(file) {
  if (file.size > maxFileBytes) {
    showError({
      title: "This file is too large to convert in the browser",
      detail: `It has ${Math.round(file.size / 1048576)} MB; the page accepts up to ${Math.round(maxFileBytes / 1048576)} MB. Cut a shorter excerpt and try again.`,
      code: "file_too_large",
      status: null,
    });
    return;
  }
  await analyseBytes(() => file.arrayBuffer(), file.name);
}

/**
 * @param {() => Promise<ArrayBuffer>} read the encoded audio
 * @param {string} name shown on the result
 */
async function analyseBytes(read, name) {
  const run = ++currentRun;
  clearOutput();
  setBusy(true);
  showProgress("Decoding the audio in your browser…", null);
  try {
    const audio = await decodeToMono16k(await read(), maxUploadSeconds);
    if (run !== currentRun) return;
    showProgress("Uploading…", 0);
    uploadController = new AbortController();
    const wav = new Blob([encodeWav16(audio.samples, TARGET_RATE)], { type: "audio/wav" });
    const outcome = await analyze(wav, {
      signal: uploadController.signal,
      // The status line is a live region: whole tens keep screen readers from reading out every percent.
      onProgress: (fraction) =>
        fraction < 1 ? showProgress(`Uploading… ${Math.floor(fraction * 10) * 10}%`, fraction) : showProgress("Analysing…", null),
    });
    if (run !== currentRun) return;
    if (outcome.ok) showResult(outcome.analysis, audio, name);
    else showError(outcome.error);
  } catch (error) {
    if (run === currentRun) showError(asPageError(error));
  } finally {
    if (run === currentRun) finishRun();
  }
}

async function record() {
  clearOutput();
  setBusy(true);
  /** @type {import("./recorder.js").Recording} */
  let recording;
  try {
    recording = await startRecording({
      maxSeconds: maxRecordSeconds,
      onLevel: (level) => {
        ui.levelMeter.value = level;
      },
      onTick: (seconds) => {
        ui.recordTimer.textContent = `${formatClock(seconds, 0)} / ${formatClock(maxRecordSeconds, 0)}`;
      },
    });
  } catch (error) {
    setBusy(false);
    showError(asPageError(error));
    return;
  }
  ui.recordButton.hidden = true;
  ui.recordingPanel.hidden = false;
  ui.stopButton.onclick = () => recording.stop();
  ui.stopButton.focus();
  announce(`Recording. It stops by itself after ${maxRecordSeconds} seconds.`);
  const blob = await recording.finished;
  ui.recordingPanel.hidden = true;
  ui.recordButton.hidden = false;
  ui.levelMeter.value = 0;
  await analyseBytes(() => blob.arrayBuffer(), "Microphone recording");
}

function cancel() {
  currentRun++;
  uploadController?.abort();
  finishRun();
  announce("Cancelled.");
}

/**
 * @param {Analysis} analysis
 * @param {DecodedAudio} audio
 * @param {string} name
 */
function showResult(analysis, audio, name) {
  const announcement = showVerdict(analysis, { name, sourceSeconds: audio.sourceSeconds, uploadedSeconds: audio.buffer.duration });
  const duration = trackDuration(audio.buffer.duration, analysis.segments);
  const timeline = drawTimeline(ui.timeline, {
    samples: audio.samples,
    duration,
    segments: analysis.segments,
    thresholds: analysis.thresholds,
    onSegment: (segment) => player?.play(segment.start_s, segment.end_s),
  });
  ui.timelineEnd.textContent = formatClock(duration, 1);
  const total = formatClock(audio.buffer.duration);
  player = createPlayer(audio.buffer, ({ playing, position }) => {
    timeline.setCursor(playing || position > 0 ? position : null);
    ui.playButton.textContent = playing ? "Pause" : "Play";
    ui.playPosition.textContent = `${formatClock(position)} / ${total}`;
  });
  ui.playButton.textContent = "Play";
  ui.playPosition.textContent = `${formatClock(0)} / ${total}`;
  shown = { analysis, name };
  ui.result.hidden = false;
  announce(announcement);
}

/** @param {PageError} error */
function showError(error) {
  ui.errorTitle.textContent = error.title;
  ui.errorDetail.textContent = error.detail;
  ui.errorCode.textContent = error.status === null ? error.code : `${error.code}, HTTP ${error.status}`;
  ui.errorCard.hidden = false;
}

function clearOutput() {
  player?.dispose();
  player = null;
  shown = null;
  ui.result.hidden = true;
  ui.errorCard.hidden = true;
}

/** @param {string} text @param {number | null} fraction null shows an indeterminate bar */
function showProgress(text, fraction) {
  ui.progressPanel.hidden = false;
  if (ui.statusText.textContent !== text) ui.statusText.textContent = text; // unchanged text is not re-announced
  if (fraction === null) ui.uploadProgress.removeAttribute("value");
  else ui.uploadProgress.value = fraction;
}

function finishRun() {
  uploadController = null;
  ui.progressPanel.hidden = true;
  setBusy(false);
}

/** @param {boolean} busy */
function setBusy(busy) {
  ui.fileInput.disabled = busy;
  ui.recordButton.disabled = busy;
  ui.dropZone.classList.toggle("busy", busy);
}

/** @param {string} text read out by screen readers */
function announce(text) {
  // Clearing first makes a repeated identical message be announced again.
  ui.announcer.textContent = "";
  requestAnimationFrame(() => {
    ui.announcer.textContent = text;
  });
}

function downloadResult() {
  if (!shown) return;
  const blob = new Blob([`${JSON.stringify(shown.analysis, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${shown.name.replace(/\.[^.]*$/, "") || "result"}.voiceguard.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** @param {unknown} error @returns {PageError} */
function asPageError(error) {
  if (error !== null && typeof error === "object" && "title" in error && "detail" in error && "code" in error) {
    return /** @type {PageError} */ (error);
  }
  return {
    title: "Something went wrong in the page",
    detail: error instanceof Error ? error.message : String(error),
    code: "page_error",
    status: null,
  };
}
