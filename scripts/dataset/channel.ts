/**
 * The label-blind channel stage: every clip, real or fake alike, goes through one channel drawn uniformly from
 * the catalogue with a generator seeded by the run seed and the clip's path (never its label), so the draw does
 * not depend on class or on build order. Codec channels encode and decode; afterwards every clip is brought back
 * to 16 kHz mono 16-bit with `rate -v 16000 gain -n -1`, without trimming (SOURCES.md §7).
 */
import { hashString, mulberry32, type Random, stageSeed, uniform } from "./prng";

export type ChannelKind = "clean" | "tel8k" | "gsm" | "g722" | "mulaw" | "mp3" | "opus" | "vorbis" | "noise" | "reverb";

export interface Channel {
  kind: ChannelKind;
  /** The manifest `channel` value, e.g. `mp3-32k`, `noise27dB`. */
  name: string;
  /** Bitrate in kbit/s (mp3, opus), quality (vorbis) or SNR in dB (noise). */
  setting?: number;
}

export const CHANNEL_SEED = 3;

/** The catalogue, drawn uniformly; codecs appear at several bitrates. */
export const CHANNELS: readonly Channel[] = [
  { kind: "clean", name: "clean" },
  { kind: "tel8k", name: "tel8k" },
  { kind: "gsm", name: "gsm" },
  { kind: "g722", name: "g722" },
  { kind: "mulaw", name: "mulaw8k" },
  { kind: "mp3", name: "mp3-32k", setting: 32 },
  { kind: "mp3", name: "mp3-64k", setting: 64 },
  { kind: "opus", name: "opus-12k", setting: 12 },
  { kind: "opus", name: "opus-24k", setting: 24 },
  { kind: "vorbis", name: "vorbis-q0", setting: 0 },
  { kind: "vorbis", name: "vorbis-q4", setting: 4 },
  { kind: "noise", name: "noise" },
  { kind: "reverb", name: "reverb" },
];

/** The channel of one clip: a function of the run seed and the path only. */
export function chooseChannel(path: string, runSeed: number): Channel {
  const random = mulberry32((stageSeed(CHANNEL_SEED, runSeed) ^ hashString(path)) >>> 0);
  const channel = CHANNELS[Math.floor(random() * CHANNELS.length)];
  if (channel.kind !== "noise") return channel;
  const snr = Math.round(uniform(random, 20, 40));
  return { kind: "noise", name: `noise${snr}dB`, setting: snr };
}

/** The generator for a clip's noise samples, separate from the channel draw. */
export function noiseRandom(path: string, runSeed: number): Random {
  return mulberry32((stageSeed(CHANNEL_SEED, runSeed) ^ hashString(`noise:${path}`)) >>> 0);
}

/** White noise at `snrDb` below the clip RMS: uniform noise of amplitude RMS·10^(−SNR/20)·√3 (same RMS). */
export function addWhiteNoise(samples: Float32Array, snrDb: number, random: Random): Float32Array {
  let energy = 0;
  for (const x of samples) energy += x * x;
  const rms = Math.sqrt(energy / Math.max(1, samples.length));
  const amplitude = rms * 10 ** (-snrDb / 20) * Math.sqrt(3);
  return samples.map((x) => x + amplitude * (2 * random() - 1));
}

/**
 * The encode and decode commands of a codec channel, as [program, args] pairs reading stdin and writing stdout;
 * the last one writes WAV. Empty for channels computed in TypeScript (clean, noise).
 */
export function channelCommands(channel: Channel): [string, string[]][] {
  const soxWav = (effects: string[], out: string[] = ["-t", "wav"]): [string, string[]] => ["sox", ["-V1", "-t", "wav", "-", ...out, "-", ...effects]];
  const ffEncode = (codec: string[], format: string, input: string[] = []): [string, string[]] => ["ffmpeg", ["-nostdin", "-v", "error", ...input, "-i", "-", ...codec, "-f", format, "-"]];
  const ffDecode = (input: string[] = []): [string, string[]] => ["ffmpeg", ["-nostdin", "-v", "error", ...input, "-i", "-", "-ac", "1", "-c:a", "pcm_s16le", "-f", "wav", "-"]];
  switch (channel.kind) {
    case "clean":
    case "noise":
      return [];
    case "tel8k":
      return [soxWav(["rate", "-v", "8000"])];
    case "gsm":
      return [soxWav(["rate", "-v", "8000"], ["-t", "gsm", "-r", "8000", "-c", "1"]), ["sox", ["-V1", "-t", "gsm", "-r", "8000", "-c", "1", "-", "-t", "wav", "-"]]];
    case "mulaw":
      return [soxWav(["rate", "-v", "8000"], ["-t", "wav", "-e", "mu-law", "-b", "8"])];
    case "g722":
      return [ffEncode(["-c:a", "g722"], "g722"), ffDecode(["-f", "g722"])];
    case "mp3":
      return [ffEncode(["-c:a", "libmp3lame", "-b:a", `${channel.setting}k`], "mp3"), ffDecode()];
    case "opus":
      return [ffEncode(["-c:a", "libopus", "-b:a", `${channel.setting}k`], "ogg"), ffDecode()];
    case "vorbis":
      return [ffEncode(["-c:a", "libvorbis", "-q:a", String(channel.setting)], "ogg"), ffDecode()];
    case "reverb":
      return [soxWav(["reverb", "30", "50", "40"])];
  }
}
