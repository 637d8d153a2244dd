import * as wavefile from "wavefile";

/**
 * G.711 A-law and mu-law expansion tables: code byte -> 16-bit linear value, the same values libsndfile's
 * alaw_decode/ulaw_decode tables hold (so code / 32768 is what soundfile, hence librosa, reads).
 *
 * The expansion itself is wavefile's (correct for both laws); it runs once per law over the 256 codes, and
 * decoding is then a table lookup.
 */
export type CompandingLaw = "alaw" | "mulaw";

// wavefile ships CommonJS to Node (its classes hang off the default export) and ESM to bundlers (named exports).
const wavefileModule = wavefile as unknown as { WaveFile?: typeof wavefile.WaveFile; default?: typeof wavefile };
const WaveFile = wavefileModule.WaveFile ?? wavefileModule.default!.WaveFile;

const tables: Partial<Record<CompandingLaw, Int16Array>> = {};

export function g711Table(law: CompandingLaw): Int16Array {
  return (tables[law] ??= expandAllCodes(law));
}

function expandAllCodes(law: CompandingLaw): Int16Array {
  const wav = new WaveFile();
  const codes = Array.from({ length: 256 }, (_, code) => code);
  wav.fromScratch(1, 8000, law === "alaw" ? "8a" : "8m", codes);
  if (law === "alaw") wav.fromALaw("16");
  else wav.fromMuLaw("16");
  return Int16Array.from(wav.getSamples(false, Int16Array) as unknown as ArrayLike<number>);
}
