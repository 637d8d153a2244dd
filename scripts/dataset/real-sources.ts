/**
 * The real speech sources of SOURCES.md §3 as data: which Debian packages, which files inside them, how to
 * decode them, and the speaker/language labels. Everything here is pure: a source turns the file list of its
 * unpacked packages into candidate inputs; fetching, probing and conditioning happen elsewhere.
 */
import type { DecodeHint } from "./condition";

export interface Candidate {
  /** `<package>/<path inside the package>`: unique key, manifest `derived_from` (after `extract/`) and name stem. */
  key: string;
  /** Absolute path of the file to decode. */
  file: string;
  hint: DecodeHint;
  /** Selection group (language for multilingual sources, speaker group for fotaq, "all" otherwise). */
  group: string;
  speaker: string;
  language: string;
  /** Keep the extension in the clip name (fotaq entries are named `<entry>.mp3`). */
  keepExtension?: boolean;
  /** The text spoken, where a package records it (Tux Paint descriptions), for the cross-class split rule. */
  text?: string;
}

export interface PackageFiles {
  /** Package name (directory name under the extract folder). */
  name: string;
  /** Absolute root of the unpacked package. */
  root: string;
  /** Paths relative to root, `/`-separated. */
  files: readonly string[];
}

export interface RealSource {
  name: string;
  /** Debian packages to download and unpack (not install). */
  packages: readonly string[];
  license: string;
  capScale: number;
  /** Where `derived_from` points: `extract/<key>` normally, `<key>` for the installed festvox-ru. */
  derivedPrefix: string;
  candidates(packages: readonly PackageFiles[], read: (absPath: string) => string): Candidate[];
}

/** max(20, round(250 × capScale)) inputs per selection group. */
export function capFor(capScale: number): number {
  return Math.max(20, Math.round(250 * capScale));
}

const ASTERISK_EXCLUDED = /beep|tone|dtmf|ring|music|-sil/;

function asteriskFiles(pkg: PackageFiles, voiceDir: string, ext: string): string[] {
  const prefix = `usr/share/asterisk/sounds/${voiceDir}/`;
  return pkg.files.filter((f) => {
    if (!f.startsWith(prefix) || !f.endsWith(ext)) return false;
    const rest = f.slice(prefix.length);
    const base = rest.slice(rest.lastIndexOf("/") + 1);
    return !rest.startsWith("silence/") && !ASTERISK_EXCLUDED.test(base);
  });
}

function single(pkg: PackageFiles, files: readonly string[], hint: DecodeHint, speaker: string, language: string): Candidate[] {
  return files.map((f) => ({ key: `${pkg.name}/${f}`, file: `${pkg.root}/${f}`, hint, group: "all", speaker, language }));
}

function asteriskCore(lang: string, voiceDir: string, speaker: string, license: string): RealSource {
  const pkgName = `asterisk-core-sounds-${lang}-g722`;
  return {
    name: `asterisk-core-${lang}`,
    packages: [pkgName],
    license,
    capScale: 1,
    derivedPrefix: "extract/",
    candidates: ([pkg]) => single(pkg, asteriskFiles(pkg, voiceDir, ".g722"), "g722", speaker, lang),
  };
}

function asteriskPrompt(name: string, pkgName: string, voiceDir: string, ext: string, hint: DecodeHint, speaker: string, lang: string, license: string): RealSource {
  return {
    name,
    packages: [pkgName],
    license,
    capScale: 1,
    derivedPrefix: "extract/",
    candidates: ([pkg]) => single(pkg, asteriskFiles(pkg, voiceDir, ext), hint, speaker, lang),
  };
}

/** Fish Fillets subtitles: `dialogId("<id>", "<font>", "<text>")`; the ids with empty text are non-verbal. */
export function parseFilletsDialogs(lua: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /dialogId\(\s*"([^"]*)"\s*,\s*"[^"]*"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)/g;
  for (let m = re.exec(lua); m; m = re.exec(lua)) out.set(m[1], m[2]);
  return out;
}

/** Fish Fillets speaker: the second dash-field of the file name, per language (as the corpus labelled it). */
export function filletsSpeaker(fileName: string, lang: string): string {
  const fields = fileName.split("-");
  return `char-${fields[1] ?? fields[0]}/${lang}`;
}

const FILLETS_SOUND = /^usr\/share\/games\/fillets-ng\/sound\/([^/]+)\/(cs|nl)\/([^/]+)\.ogg$/;

const fillets: RealSource = {
  name: "fillets-ng",
  // fillets-ng-data carries the subtitle scripts; its en/ sound folder is left out (non-verbal, see README.md).
  packages: ["fillets-ng-data", "fillets-ng-data-cs", "fillets-ng-data-nl"],
  license: "GPL-2",
  capScale: 1,
  derivedPrefix: "extract/",
  candidates(packages, read) {
    const main = packages.find((p) => p.name === "fillets-ng-data");
    const subtitles = new Map<string, string>();
    for (const f of main?.files ?? []) {
      if (/^usr\/share\/games\/fillets-ng\/script\/[^/]+\/dialogs[^/]*\.lua$/.test(f)) {
        for (const [id, text] of parseFilletsDialogs(read(`${main!.root}/${f}`))) subtitles.set(id, text);
      }
    }
    const out: Candidate[] = [];
    for (const pkg of packages) {
      for (const f of pkg.files) {
        const m = FILLETS_SOUND.exec(f);
        if (!m) continue;
        const [, , lang, id] = m;
        if (subtitles.get(id)?.trim() === "") continue; // empty subtitle: a non-verbal sound
        const fileName = f.slice(f.lastIndexOf("/") + 1);
        out.push({ key: `${pkg.name}/${f}`, file: `${pkg.root}/${f}`, hint: "auto", group: lang, speaker: filletsSpeaker(fileName, lang), language: lang });
      }
    }
    return out;
  },
};

const TUX_SPEAKERS: Record<string, string> = {
  be: "Kseniya Buraya",
  bg: "Krasimir Petkov",
  es: "Estefania Ortiz",
  el: "Kiriaki Serafeim",
  da: "Joe Dalton",
  fr: "PaulK/Jacques Chion",
  ro: "Tabbytha",
  ru: "Edwin Veber",
};

const TUX_DESC = /^(usr\/share\/tuxpaint\/stamps\/.+)_desc(?:_([A-Za-z@]+))?\.ogg$/;

/** Tux Paint stamp text: English on the first line, then `<lang>.utf8=<text>` lines. */
export function parseStampText(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim()) out.set("en", lines[0].trim());
  for (const line of lines.slice(1)) {
    const m = /^([A-Za-z_@]+)\.utf8=(.*)$/.exec(line);
    if (m && m[2].trim()) out.set(m[1], m[2].trim());
  }
  return out;
}

const tuxpaint: RealSource = {
  name: "tuxpaint-desc",
  packages: ["tuxpaint-stamps-default"],
  license: "GPL-2",
  capScale: 0.3,
  derivedPrefix: "extract/",
  candidates([pkg], read) {
    const fileSet = new Set(pkg.files);
    const out: Candidate[] = [];
    for (const f of pkg.files) {
      const m = TUX_DESC.exec(f);
      if (!m) continue;
      const lang = m[2] ?? "en";
      const txt = `${m[1]}.txt`;
      const text = fileSet.has(txt) ? parseStampText(read(`${pkg.root}/${txt}`)).get(lang) : undefined;
      out.push({ key: `${pkg.name}/${f}`, file: `${pkg.root}/${f}`, hint: "auto", group: lang, speaker: `${TUX_SPEAKERS[lang] ?? "unknown"}/${lang}`, language: lang, text });
    }
    return out;
  },
};

function kdeSounds(name: string, pkgName: string, pattern: RegExp, capScale: number): RealSource {
  return {
    name,
    packages: [pkgName],
    license: "GPL-2+ (KDE)",
    capScale,
    derivedPrefix: "extract/",
    candidates: ([pkg]) =>
      pkg.files.flatMap((f) => {
        const m = pattern.exec(f);
        if (!m) return [];
        const lang = m[1];
        return [{ key: `${pkg.name}/${f}`, file: `${pkg.root}/${f}`, hint: "auto" as const, group: lang, speaker: `kde-volunteer/${lang}`, language: lang }];
      }),
  };
}

const WARZONE_FOLDERS = /^(audio\/(tutorial|memressp|countdown|coltive|vtoltalk|proxmessages)|sequenceaudio)\/.+\.ogg$/;

const warzone: RealSource = {
  name: "warzone2100",
  // base.wz is a zip; build.ts unpacks its audio into the pseudo-package warzone2100-audio.
  packages: ["warzone2100-data"],
  license: "GPL-2+",
  capScale: 1,
  derivedPrefix: "extract/",
  candidates: (packages) => {
    const audio = packages.find((p) => p.name === "warzone2100-audio");
    if (!audio) return [];
    return single(audio, audio.files.filter((f) => WARZONE_FOLDERS.test(f)), "auto", "wz2100-voice-actors", "en");
  },
};

/** A fixed list of recordings in one package; headerless `.raw` files are s16le at `rawRate`. */
function fixedList(name: string, license: string, dir: string, files: readonly string[], rawRate: number, speakerPrefix: string): RealSource {
  return {
    name,
    packages: [name],
    license,
    capScale: 1,
    derivedPrefix: "extract/",
    candidates: ([pkg]) =>
      files
        .map((p) => `${dir}/${p}`)
        .filter((f) => pkg.files.includes(f))
        .map((f) => ({
          key: `${pkg.name}/${f}`,
          file: `${pkg.root}/${f}`,
          hint: f.endsWith(".raw") ? { s16leRate: rawRate } : ("auto" as const),
          group: "all",
          speaker: `${speakerPrefix}-${basenameNoExt(f)}`,
          language: "en",
        })),
  };
}

const codec2Examples = fixedList(
  "codec2-examples",
  "LGPL-2.1",
  "usr/share/codec2",
  [
    ...["hts1a", "hts2a", "mmt1", "morig", "forig", "big_dog", "kristoff", "vk5qi", "ve9qrp_10s", "g3plx", "cq_ref"].map((n) => `raw/${n}.raw`),
    ...["wav/david4.wav", "wav/vk2tpm_004.wav", "wav/wia_16kHz.wav", "raw/speech_orig_16k.wav"],
  ],
  8000,
  "codec2",
);

// These .raw files are 16 kHz (SOURCES.md §8.3); the original build read them as 8 kHz by mistake.
const pocketsphinx = fixedList(
  "pocketsphinx-testdata",
  "BSD-2/BSD-3 (CMU)",
  "usr/share/pocketsphinx/test/data",
  [
    ...["goforward", "numbers", "something"].map((n) => `${n}.raw`),
    "tidigits/dhd.2934z.raw",
    ...["002", "003", "004", "005"].map((n) => `cards/${n}.wav`),
    ...["0870", "0880", "0890", "0920", "0930"].map((n) => `librivox/sense_and_sensibility_01_austen_64kb-${n}.wav`),
  ],
  16000,
  "ps",
);

const unknownHorizons: RealSource = {
  name: "unknown-horizons",
  packages: ["unknown-horizons"],
  license: "GPL-2+ / CC-BY-SA (Unknown Horizons)",
  capScale: 1,
  derivedPrefix: "extract/",
  candidates: ([pkg]) =>
    pkg.files.flatMap((f) => {
      const m = /^usr\/share\/unknown-horizons\/content\/audio\/voice\/(de|en|fr)\/0\/new_world\/[^/]+\.ogg$/.exec(f);
      return m ? [{ key: `${pkg.name}/${f}`, file: `${pkg.root}/${f}`, hint: "auto" as const, group: "all", speaker: `uh-${m[1]}`, language: m[1] }] : [];
    }),
};

const kajongg: RealSource = {
  name: "kajongg",
  packages: ["kajongg"],
  license: "GPL-2+ (KDE)",
  capScale: 1,
  derivedPrefix: "extract/",
  candidates: ([pkg]) =>
    pkg.files.flatMap((f) => {
      const en = /^usr\/share\/kajongg\/voices\/(female1|female2|male1|male2)\/[^/]+\.ogg$/.exec(f);
      const de = /^usr\/share\/kajongg\/voices\/de\/([^/]+)\/[^/]+\.ogg$/.exec(f);
      if (!en && !de) return [];
      const speaker = en ? en[1] : `de/${de![1]}`;
      return [{ key: `${pkg.name}/${f}`, file: `${pkg.root}/${f}`, hint: "auto" as const, group: "all", speaker, language: en ? "en" : "de" }];
    }),
};

/** fotaq speaker labels as the corpus gave them: `…J<digits>.SB` is Joe, everything else a room code. */
export function fotaqSpeaker(entryName: string): string {
  return /J\d+\.SB$/i.test(entryName) ? "Joe (lead actor)" : `npc-${entryName.slice(0, 4)}`;
}

const fotaq: RealSource = {
  name: "fotaq",
  // queen.1c is unpacked by build.ts into the pseudo-package fotaq-speech (`<entry>.mp3` files).
  packages: ["flight-of-the-amazon-queen"],
  license: "Flight-of-the-Amazon-Queen-License (free redistribution)",
  capScale: 1,
  derivedPrefix: "extract/",
  candidates: (packages) => {
    const speech = packages.find((p) => p.name === "fotaq-speech");
    if (!speech) return [];
    return speech.files.map((f) => {
      const speaker = fotaqSpeaker(f.replace(/\.mp3$/, ".SB"));
      return { key: `${speech.name}/${f}`, file: `${speech.root}/${f}`, hint: "auto" as const, group: speaker.startsWith("Joe") ? "joe" : "others", speaker, language: "en", keepExtension: true };
    });
  },
};

const festvoxRuDb: RealSource = {
  name: "festvox-ru-db",
  packages: [], // installed with the festival voice festvox-ru
  license: "BSD-like (N. Shmyrev)",
  capScale: 1,
  derivedPrefix: "",
  candidates: (packages) => {
    const pkg = packages.find((p) => p.name === "festvox-ru");
    if (!pkg) return [];
    return single(pkg, pkg.files.filter((f) => /^usr\/share\/festival\/voices\/russian\/msu_ru_nsh_clunits\/wav\/ru_\d{4}\.wav$/.test(f)), "auto", "msu_ru_nsh (m)", "ru");
  },
};

export const REAL_SOURCES: readonly RealSource[] = [
  asteriskCore("en", "en_US_f_Allison", "Allison Smith (f)", "CC-BY-SA-3.0"),
  asteriskCore("es", "es_MX_f_Allison", "Allison Smith (f)", "CC-BY-SA-3.0"),
  asteriskCore("fr", "fr_CA_f_June", "June Wallack (f)", "CC-BY-SA-3.0"),
  asteriskCore("it", "it_IT_m_Carlo", "Carlo Flora (m)", "CC-BY-3.0"),
  asteriskCore("ru", "ru_RU_f_IvrvoiceRU", "ivrvoice.ru/Maxim Topal (f)", "CC-BY-3.0"),
  asteriskPrompt("asterisk-prompt-it-menardi", "asterisk-prompt-it-menardi-wav", "it_IT_f_Menardi", ".wav", "auto", "Paola Dal Zot (f)", "it", "CC-BY-SA-3.0-IT"),
  asteriskPrompt("asterisk-prompt-fr-armelle", "asterisk-prompt-fr-armelle", "fr", ".gsm", "gsm", "Armelle Desjardins (f)", "fr", "BSD-like (Michel Gutierrez)"),
  asteriskPrompt("asterisk-prompt-es-co", "asterisk-prompt-es-co", "es", ".gsm", "gsm", "July E. Jimenez (f)", "es", "GPL-2"),
  festvoxRuDb,
  fillets,
  tuxpaint,
  kdeSounds("ktuberling", "ktuberling-data", /^usr\/share\/ktuberling\/sounds\/([^/]+)\/[^/]+\.(?:ogg|wav)$/, 0.1),
  kdeSounds("klettres", "klettres-data", /^usr\/share\/klettres\/([^/]+)\/(?:alpha|syllab)\/[^/]+\.ogg$/, 0.1),
  warzone,
  codec2Examples,
  pocketsphinx,
  unknownHorizons,
  kajongg,
  fotaq,
];

function basenameNoExt(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "");
}
