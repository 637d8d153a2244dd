/**
 * Child process for the npm engines (sam-js, gnuspeech-wasm, mespeak), which live in a scratch folder under
 * the output, not in the project. Reads `{ npmDir, jobs: [{ engine, text, params, out }] }` on stdin and writes
 * one raw engine WAV per job. mespeak dies after ~80 utterances in one process, so the parent sends at most 60.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { encodeWav16, fromUnsigned8 } from "./wav";

interface ChildJob {
  engine: "sam-js" | "gnuspeech" | "mespeak";
  text: string;
  params: Record<string, number | string>;
  out: string;
}

const SAM_RATE = 22050;

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { npmDir, jobs } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { npmDir: string; jobs: ChildJob[] };
  const require = createRequire(join(npmDir, "package.json"));
  for (const job of jobs) {
    try {
      writeFileSync(job.out, await synthesize(job, require));
    } catch (error) {
      process.stderr.write(`${job.engine} failed on "${job.text.slice(0, 40)}": ${(error as Error).message}\n`);
    }
  }
}

async function synthesize(job: ChildJob, require: NodeRequire): Promise<Uint8Array> {
  if (job.engine === "sam-js") {
    const SamJs = require("sam-js");
    const sam = new SamJs({ speed: job.params.speed, pitch: job.params.pitch, throat: job.params.throat, mouth: job.params.mouth });
    const buf8 = sam.buf8(job.text) as Uint8Array | false;
    if (!buf8) throw new Error("sam-js rendered nothing");
    return encodeWav16(fromUnsigned8(buf8, SAM_RATE)); // the 8-bit quantisation is kept exactly
  }
  if (job.engine === "gnuspeech") {
    const url = pathToFileURL(require.resolve("@echogarden/gnuspeech-wasm")).href;
    const { synthesize: gnuspeech } = (await import(url)) as { synthesize: (t: string, o: object) => Promise<{ audioData: Uint8Array }> };
    const { audioData } = await gnuspeech(job.text, { voice: job.params.voice ?? "male", controlRate: job.params.controlRate, tempo: job.params.tempo });
    return audioData;
  }
  const meSpeak = require("mespeak");
  if (!meSpeak.isConfigLoaded()) meSpeak.loadConfig(require("mespeak/src/mespeak_config.json"));
  // Only en/en-us: loading a second voice corrupts meSpeak's dictionary state (SOURCES.md §4).
  if (!meSpeak.isVoiceLoaded("en/en-us")) meSpeak.loadVoice(require("mespeak/voices/en/en-us.json"));
  const wav = meSpeak.speak(job.text, { rawdata: "buffer", speed: job.params.speed, pitch: job.params.pitch, variant: job.params.variant });
  if (!wav) throw new Error("mespeak returned nothing");
  return new Uint8Array(wav);
}

await main();
