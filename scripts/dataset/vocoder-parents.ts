/**
 * Parents of the vocoder copies (SOURCES.md §5), drawn from the finished real clips in path order with a
 * seeded shuffle: LPCNet 700 wideband parents (seed 7), Codec 2 400 parents of any bandwidth (seed 8), cycling
 * over five modes, Griffin-Lim 200 wideband parents (seed 11).
 */
import type { ClipRow } from "./manifest";
import { mulberry32, shuffleFromEnd, stageSeed } from "./prng";

export type Vocoder = "lpcnet" | "codec2" | "griffinlim";

export interface VocoderPlan {
  vocoder: Vocoder;
  parent: ClipRow;
  /** Codec 2 mode, or "" for the others. */
  mode: string;
}

export const CODEC2_MODES = ["3200", "2400", "1600", "1300", "700C"];

const DRAWS: Record<Vocoder, { count: number; seed: number; widebandOnly: boolean }> = {
  lpcnet: { count: 700, seed: 7, widebandOnly: true },
  codec2: { count: 400, seed: 8, widebandOnly: false },
  griffinlim: { count: 200, seed: 11, widebandOnly: true },
};

export function planVocoderCopies(realClips: readonly ClipRow[], runSeed: number): VocoderPlan[] {
  const byPath = realClips.slice().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return (Object.keys(DRAWS) as Vocoder[]).flatMap((vocoder) => {
    const { count, seed, widebandOnly } = DRAWS[vocoder];
    const pool = widebandOnly ? byPath.filter((c) => c.sample_rate_orig >= 16000) : byPath;
    return shuffleFromEnd(pool, mulberry32(stageSeed(seed, runSeed)))
      .slice(0, count)
      .map((parent, i) => ({ vocoder, parent, mode: vocoder === "codec2" ? CODEC2_MODES[i % CODEC2_MODES.length] : "" }));
  });
}
