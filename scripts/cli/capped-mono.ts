/**
 * Collects a decoder's output chunk by chunk as mono float32 (the channel mean, as librosa.load(mono=True) makes
 * it), keeping at most `maxSeconds` of it while still counting the whole duration: memory stays bounded by the
 * cap however long the file is.
 *
 * A stream whose sample rate changes part way (concatenated MP3s, chained Ogg streams) keeps only the audio at its
 * first rate; the rest counts toward the duration.
 */
export class CappedMono {
  private readonly chunks: Float32Array[] = [];
  private stored = 0;
  private rate = 0;
  private maxChannels = 0;
  private seconds = 0;

  constructor(private readonly maxSeconds: number) {}

  push(channelData: readonly Float32Array[], sampleRate: number): void {
    const frames = channelData.length === 0 ? 0 : Math.min(...channelData.map((c) => c.length));
    if (frames === 0 || !(sampleRate > 0)) return;
    if (this.rate === 0) this.rate = sampleRate;
    this.seconds += frames / sampleRate;
    this.maxChannels = Math.max(this.maxChannels, channelData.length);
    if (sampleRate !== this.rate) return;
    const room = Math.ceil(this.maxSeconds * this.rate) - this.stored;
    const kept = Math.min(frames, room);
    if (kept <= 0) return;
    this.chunks.push(channelMean(channelData, kept));
    this.stored += kept;
  }

  /** Mono samples at `sampleRate` (0 when nothing was decoded), the whole duration, and the most channels seen. */
  result(): { samples: Float32Array; sampleRate: number; durationS: number; channels: number } {
    const samples = new Float32Array(this.stored);
    let at = 0;
    for (const chunk of this.chunks) {
      samples.set(chunk, at);
      at += chunk.length;
    }
    return { samples, sampleRate: this.rate, durationS: this.seconds, channels: this.maxChannels };
  }
}

/** Mean of the first `frames` samples of each channel, summed in float64 and rounded to float32 once. */
export function channelMean(channelData: readonly Float32Array[], frames: number): Float32Array {
  const mono = new Float32Array(frames);
  const n = channelData.length;
  if (n === 1) {
    mono.set(channelData[0].subarray(0, frames));
    return mono;
  }
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < n; c++) sum += channelData[c][i];
    mono[i] = sum / n;
  }
  return mono;
}
