/**
 * `npm run bench:workerd`: the per-stage medians of `npm run bench` (bytes to feature vector) and the detector's
 * whole analysis (bytes to verdict with the segment timeline, as the API runs it), measured inside workerd, the
 * runtime the Worker runs in, rather than Node. The stages are bundled as a Worker with the project's esbuild
 * settings (minified, as wrangler.toml deploys) and run by Miniflare, one stage per request.
 *
 *   npm run bench:workerd [-- --batches 15]
 *
 * Wall time inside the isolate, so run it on an otherwise idle machine.
 */
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { speechClipWav, speechSource } from "./speech-clips";
import { STAGES } from "./bench-workerd/stages";

const { values } = parseArgs({ options: { batches: { type: "string", default: "15" } } });
const batches = Number(values.batches);
if (!Number.isInteger(batches) || batches < 1) throw new Error("--batches must be a positive integer");

const bundle = await build({
  entryPoints: [resolve(import.meta.dirname, "bench-workerd/worker.ts")],
  bundle: true,
  write: false,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2022",
  minify: true,
  // The model binary as bytes (wrangler.toml bundles it as an ArrayBuffer; the worker copies it into a Uint8Array either way).
  loader: { ".bin": "binary" },
});
const mf = new Miniflare({
  modules: true,
  script: bundle.outputFiles[0].text,
  compatibilityDate: "2026-04-20",
});
try {
  const shapes = [
    { label: "16 kHz mono", sampleRate: 16000, channels: 1 },
    { label: "44.1 kHz stereo", sampleRate: 44100, channels: 2 },
  ];
  console.log(`Pipeline medians in workerd, ms per run over ${batches} batches (${speechSource()}); total = bytes to feature vector.\n`);
  const header = ["clip", ...STAGES.map((s) => `${s} ms`), "total ms"];
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const shape of shapes) {
    for (const seconds of [2, 10, 60]) {
      const wav = speechClipWav({ seconds, sampleRate: shape.sampleRate, channels: shape.channels });
      const times: Record<string, number> = {};
      for (const stage of STAGES) {
        const response = await mf.dispatchFetch(`http://bench/?stage=${encodeURIComponent(stage)}&batches=${batches}`, {
          method: "POST",
          body: wav,
        });
        if (!response.ok) throw new Error(`${stage}: ${response.status} ${await response.text()}`);
        times[stage] = ((await response.json()) as { ms: number }).ms;
      }
      // The STFT runs inside frame features and the detector contains them all: shown, not added to the total.
      const total = STAGES.filter((s) => s !== "stft" && s !== "detector").reduce((sum, s) => sum + times[s], 0);
      console.log(`| ${seconds} s ${shape.label} | ${STAGES.map((s) => times[s].toFixed(2)).join(" | ")} | ${total.toFixed(2)} |`);
    }
  }
} finally {
  await mf.dispose();
}
