/**
 * Planning of every synthesis job (SOURCES.md §4) as plain data: engine, voice, text and parameters, drawn with
 * the documented seeds. Each voice or job group shuffles its pool with its own generator and takes the first n
 * texts (cycling if the pool is smaller); a second generator draws the per-utterance parameters.
 */
import { hashString, mulberry32, pick, type Random, shuffleFromEnd, stageSeed, uniform, uniformInt } from "./prng";

export type Engine = "espeak-ng" | "festival" | "flite" | "sam-js" | "gnuspeech" | "mespeak";

export interface TtsJob {
  /** Unique, stable id; also the resume key and the clip name stem. */
  id: string;
  engine: Engine;
  /** The manifest `speaker_or_voice`. */
  voice: string;
  language: string;
  text: string;
  params: Record<string, number | string>;
}

export type Pools = Readonly<Record<string, readonly string[]>>;

/** The first n texts of a seeded shuffle of the pool, repeating the shuffled pool when n exceeds it. */
export function drawTexts(pool: readonly string[], n: number, random: Random): string[] {
  if (pool.length === 0) return [];
  const order = shuffleFromEnd(pool, random);
  return Array.from({ length: n }, (_, i) => order[i % order.length]);
}

const ESPEAK_BASE_VOICES: Record<string, readonly string[]> = {
  en: ["en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029"],
  es: ["es", "es-419"],
  fr: ["fr", "fr-be", "fr-ch"],
  ru: ["ru", "ru-lv"],
};
export const ESPEAK_EXCLUDED_VARIANTS = ["whisper", "whisperf", "croak", "Demonic"];
export const ESPEAK_MAIN_JOBS: Record<string, number> = { en: 300, es: 60, fr: 60, it: 60, ru: 60, cs: 60, nl: 60, de: 25, ro: 25, ca: 25, bg: 25, el: 25, da: 25, be: 25, lt: 25 };
export const ESPEAK_TOPUP_JOBS: Record<string, number> = { es: 150, fr: 150, it: 80, ru: 100, nl: 60, cs: 40, de: 20 };

/** espeak-ng: main run (seed 42) and top-up run (seed 43, Russian texts from the festvox-ru transcripts). */
export function planEspeak(pools: Pools, variants: readonly string[], runSeed: number): TtsJob[] {
  const usable = variants.filter((v) => !ESPEAK_EXCLUDED_VARIANTS.includes(v));
  const jobs: TtsJob[] = [];
  const runs = [
    { name: "main", seed: 42, counts: ESPEAK_MAIN_JOBS, ruPool: "ru" },
    { name: "topup", seed: 43, counts: ESPEAK_TOPUP_JOBS, ruPool: "ru_db" },
  ];
  for (const runDef of runs) {
    for (const [lang, n] of Object.entries(runDef.counts)) {
      const seed = stageSeed(runDef.seed, runSeed);
      const texts = drawTexts(pools[lang === "ru" ? runDef.ruPool : lang] ?? [], n, mulberry32(seed));
      const random = paramRandom(seed, `${runDef.name}/${lang}`);
      texts.forEach((text, i) => {
        const voice = `${pick(ESPEAK_BASE_VOICES[lang] ?? [lang], random)}+${pick(usable, random)}`;
        jobs.push({
          id: `espeak-ng/${runDef.name}-${lang}-${String(i).padStart(4, "0")}`,
          engine: "espeak-ng",
          voice,
          language: lang,
          text,
          params: { speed: uniformInt(random, 125, 195), pitch: uniformInt(random, 25, 75) },
        });
      });
    }
  }
  return jobs;
}

export interface FestivalVoice {
  name: string;
  language: string;
  jobs: number;
  license: string;
}

export const FESTIVAL_VOICES: readonly FestivalVoice[] = [
  { name: "kal_diphone", language: "en", jobs: 100, license: "festvox-kallpc16k (diphone, free CMU/CSTR)" },
  { name: "ked_diphone", language: "en", jobs: 100, license: "festvox-kdlpc16k (diphone)" },
  { name: "cmu_us_slt_arctic_hts", language: "en", jobs: 180, license: "festvox-us-slt-hts (HTS, free CMU)" },
  { name: "cstr_uk_female_hts", language: "en", jobs: 120, license: "cstr_uk_female-1.0.htsvoice from flightgear-data-base (GPL-2+) via festival HTS" },
  { name: "lp_diphone", language: "it", jobs: 50, license: "festvox-italp16k" },
  { name: "pc_diphone", language: "it", jobs: 50, license: "festvox-itapc16k" },
  { name: "czech_dita", language: "cs", jobs: 30, license: "festvox-czech-dita" },
  { name: "czech_krb", language: "cs", jobs: 30, license: "festvox-czech-krb" },
  { name: "czech_machac", language: "cs", jobs: 30, license: "festvox-czech-machac" },
  { name: "czech_ph", language: "cs", jobs: 30, license: "festvox-czech-ph" },
  { name: "upc_ca_ona_hts", language: "ca", jobs: 50, license: "festvox-ca-ona-hts (HTS, LGPL-2.1+)" },
  { name: "msu_ru_nsh_clunits", language: "ru", jobs: 120, license: "festvox-ru (unit selection, BSD-like)" },
];

/** One job list per festival voice, each with its own shuffle (seed 42); Duration_Stretch 0.85–1.20. */
export function planFestival(pools: Pools, runSeed: number): TtsJob[] {
  return FESTIVAL_VOICES.flatMap((v) => planVoice("festival", v.name, v.language, v.jobs, pools[v.language] ?? [], runSeed, (r) => ({ stretch: round3(uniform(r, 0.85, 1.2)) })));
}

export const FLITE_VOICES: Record<string, number> = { kal: 100, kal16: 100, awb: 150, rms: 150, slt: 150 };

export function planFlite(pools: Pools, runSeed: number): TtsJob[] {
  return Object.entries(FLITE_VOICES).flatMap(([voice, n]) => planVoice("flite", voice, "en", n, pools.en ?? [], runSeed, (r) => ({ stretch: round3(uniform(r, 0.85, 1.2)) })));
}

function planVoice(engine: Engine, voice: string, language: string, n: number, pool: readonly string[], runSeed: number, params: (r: Random) => TtsJob["params"]): TtsJob[] {
  const seed = stageSeed(42, runSeed);
  const texts = drawTexts(pool, n, mulberry32(seed));
  const random = paramRandom(seed, `${engine}/${voice}`);
  return texts.map((text, i) => ({ id: `${engine}/${voice}-${String(i).padStart(4, "0")}`, engine, voice, language, text, params: params(random) }));
}

const GNUSPEECH_VOICES = ["male", "female", "large_child", "small_child", "baby"];
const MESPEAK_VARIANTS = ["m1", "m2", "m3", "m4", "f1", "f2", "f3", "f4", "klatt", "klatt2"];

/**
 * The npm engines read texts/en.txt shuffled with seed 5 at offsets 0 (sam-js), 37 (gnuspeech) and 91
 * (mespeak); their parameters come from seed 99.
 */
export function planNpmEngines(englishLines: readonly string[], runSeed: number): TtsJob[] {
  const order = shuffleFromEnd(englishLines, mulberry32(stageSeed(5, runSeed)));
  const random = mulberry32(stageSeed(99, runSeed));
  const textAt = (offset: number, i: number) => order[(offset + i) % order.length];
  const jobs: TtsJob[] = [];
  for (let i = 0; i < 100; i++) {
    const speed = uniformInt(random, 60, 90);
    const pitch = uniformInt(random, 50, 90);
    const params = { speed, pitch, throat: uniformInt(random, 110, 170), mouth: uniformInt(random, 110, 170) };
    jobs.push({ id: `sam-js/${String(i).padStart(4, "0")}`, engine: "sam-js", voice: `sam-s${speed}p${pitch}`, language: "en", text: textAt(0, i), params });
  }
  for (let i = 0; i < 100; i++) {
    const voice = pick(GNUSPEECH_VOICES, random);
    jobs.push({ id: `gnuspeech/${String(i).padStart(4, "0")}`, engine: "gnuspeech", voice, language: "en", text: textAt(37, i), params: { controlRate: 250, tempo: round3(uniform(random, 0.8, 1.2)) } });
  }
  for (let i = 0; i < 60; i++) {
    const params = { speed: uniformInt(random, 130, 190), pitch: uniformInt(random, 30, 70), variant: pick(MESPEAK_VARIANTS, random) };
    jobs.push({ id: `mespeak/${String(i).padStart(4, "0")}`, engine: "mespeak", voice: "en-en-us", language: "en", text: textAt(91, i), params });
  }
  return jobs;
}

/** Parameters come from a generator of their own per job group, so groups sharing a text seed still differ. */
function paramRandom(seed: number, group: string): Random {
  return mulberry32((seed ^ hashString(group)) >>> 0);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
