/**
 * The common processing of SOURCES.md §2, identical for real and fake: decode with ffmpeg to mono 16-bit PCM at
 * the original rate, then one sox call (rate -v 16000, gain -n -1, trim both ends at -45 dB for 30 ms).
 */
import { run } from "./process";
import { decodeWav, type PcmClip } from "./wav";

/** How ffmpeg must be told what a headerless or raw-codec input is. */
export type DecodeHint = "auto" | "g722" | "gsm" | { s16leRate: number };

export function ffmpegDecodeArgs(input: string, hint: DecodeHint): string[] {
  const inputFormat =
    hint === "auto" ? [] : hint === "g722" ? ["-f", "g722"] : hint === "gsm" ? ["-f", "gsm"] : ["-f", "s16le", "-ar", String(hint.s16leRate), "-ac", "1"];
  return ["-nostdin", "-v", "error", ...inputFormat, "-i", input, "-ac", "1", "-c:a", "pcm_s16le", "-f", "wav", "-"];
}

/** sox effects of the conditioning; `trim` false keeps the ends (the channel stage re-normalises only). */
export function soxConditionEffects(trim: boolean): string[] {
  const silence = ["silence", "1", "0.03", "-45d"];
  return ["rate", "-v", "16000", "gain", "-n", "-1", ...(trim ? [...silence, "reverse", ...silence, "reverse"] : [])];
}

export const SOX_WAV_OUT = ["-t", "wav", "-b", "16", "-e", "signed-integer", "-c", "1", "-"];

/** Decodes any input with ffmpeg; returns WAV bytes and the original sample rate. */
export async function decodeInput(input: string, hint: DecodeHint): Promise<{ wav: Uint8Array; sampleRate: number }> {
  const { stdout } = await run("ffmpeg", ffmpegDecodeArgs(input, hint));
  const wav = new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength);
  return { wav, sampleRate: readWavRate(wav) };
}

/** Runs the sox conditioning on WAV bytes and returns the 16 kHz clip (possibly empty after trimming). */
export async function conditionWav(wav: Uint8Array, trim = true): Promise<PcmClip> {
  const { stdout } = await run("sox", ["-V1", "-t", "wav", "-", ...SOX_WAV_OUT, ...soxConditionEffects(trim)], { input: wav });
  return decodeWav(new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength));
}

/** Decode + condition in one step; `sampleRateOrig` is the rate before conditioning. */
export async function conditionFile(input: string, hint: DecodeHint = "auto"): Promise<{ clip: PcmClip; sampleRateOrig: number }> {
  const { wav, sampleRate } = await decodeInput(input, hint);
  return { clip: await conditionWav(wav), sampleRateOrig: sampleRate };
}

export function readWavRate(wav: Uint8Array): number {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = String.fromCharCode(...wav.subarray(offset, offset + 4));
    if (id === "fmt ") return view.getUint32(offset + 12, true);
    offset += 8 + view.getUint32(offset + 4, true);
  }
  throw new Error("no fmt chunk");
}
