import { mkdtempSync, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mulberry32, randomNormal } from "../lib/prng";
import { parseCsvRecords } from "../dataset/csv";
import { encodeWav16 } from "../dataset/wav";
import { syntheticVoice } from "../synthetic-voice";
import { evaluate, evaluationOptions } from "./evaluate";
import { fitPlatt } from "../lib";
import { LEARNERS } from "./learners";
import { DEFAULTS } from "./options";
import { prepare, runProtocol } from "./pipeline";
import { rowDesign, seedDesign } from "./protocol";
import { train } from "./train";
import { blendedRun } from "./variants";

/**
 * A tiny data folder in the ../shared/data layout: reals are a synthetic voice with a breathy noise component,
 * fakes the same voice without it, from two local sources and generators and one github repository.
 */
function syntheticData(): string {
  const root = mkdtempSync(join(tmpdir(), "vg-train-data-"));
  const random = mulberry32(9);
  const clip = (fake: boolean, seconds: number) => {
    const voice = syntheticVoice(Math.round(seconds * 16000), 16000);
    return encodeWav16({ sampleRate: 16000, samples: voice.map((v) => v + (fake ? 0 : 0.02 * randomNormal(random))) });
  };
  const local = ["path,label,source,speaker_or_voice,language,duration_s,sample_rate_orig,license,derived_from"];
  const github = ["path,label,system,source_repo,commit,original_path,speaker_or_dataset,duration_s,orig_sample_rate,orig_format,licence"];
  const units = [
    ["real", "src-a"],
    ["real", "src-b"],
    ["fake", "gen-a"],
    ["fake", "gen-b"],
  ];
  for (const [label, unit] of units) {
    mkdirSync(join(root, "local", label, unit), { recursive: true });
    for (let i = 0; i < 4; i++) {
      const path = `local/${label}/${unit}/${i}.wav`;
      writeFileSync(join(root, path), clip(label === "fake", 2.5 + 0.3 * i));
      local.push(`${path},${label},${unit},spk,en,2.5,16000,MIT,text:x`);
    }
  }
  for (const label of ["real", "fake"]) {
    mkdirSync(join(root, "github", label, "o__r"), { recursive: true });
    for (let i = 0; i < 4; i++) {
      const path = `github/${label}/o__r/${i}.wav`;
      writeFileSync(join(root, path), clip(label === "fake", 3));
      github.push(`${path},${label},${label === "fake" ? "SysG" : ""},o/r,${"0".repeat(40)},x.wav,someone,3,16000,wav,MIT`);
    }
  }
  writeFileSync(join(root, "local", "manifest.csv"), `${local.join("\n")}\n`);
  writeFileSync(join(root, "github", "manifest.csv"), `${github.join("\n")}\n`);
  return root;
}

describe("npm run train on a tiny synthetic set", () => {
  it("is deterministic: the same data and seed give the same model and card, and evaluate reproduces it", async () => {
    const data = syntheticData();
    const work = mkdtempSync(join(tmpdir(), "vg-train-out-"));
    const options = (name: string) => ({
      ...DEFAULTS,
      data,
      copies: 1,
      augmentedWeight: 0.5,
      balanceOrigins: true,
      folds: 2,
      learner: "extra-trees",
      models: join(work, name),
      reports: join(work, `${name}-reports`),
      cache: join(work, `${name}-cache`),
    });
    const quiet = () => {};
    const first = await train(options("a"), quiet);
    const second = await train(options("b"), quiet);
    expect(Buffer.compare(first.modelBytes, second.modelBytes)).toBe(0);
    expect(readFileSync(join(work, "a", "model.json"), "utf8")).toBe(readFileSync(join(work, "b", "model.json"), "utf8"));
    expect(first.card.training_data).toMatchObject({ clips: 24, real: 12, fake: 12 });
    expect(first.card.thresholds.fake).toBeGreaterThan(first.card.thresholds.real);
    expect(first.card.command).toContain("--augmented-weight 0.5");
    expect(first.card.command).toContain("--balance-origins");
    expect(first.card).toMatchObject({ augmentation: { weighting: expect.stringContaining("raked on the clip's origin") } });

    // A bare evaluate takes the model's own training options from its card.
    const scores = join(work, "scores.csv");
    const recorded = evaluationOptions(["--models", join(work, "a"), "--cache", join(work, "a-cache"), "--reports", join(work, "a-reports"), `--scores=${scores}`]);
    expect(recorded).toEqual(options("a"));
    const report = await evaluate(recorded, { compare: false, loso: true, variants: [], scores }, "npm run evaluate", quiet);
    expect(report).toContain("reproduced the committed calibration and thresholds exactly");
    expect(report).toContain("seed-random-forest");
    expect(report).toContain("Literal leave-one-system-out");

    // --scores: one row per clip with its out-of-fold probability from each learner of the report.
    const rows = parseCsvRecords(readFileSync(scores, "utf8"));
    expect(rows).toHaveLength(24);
    expect(Object.keys(rows[0])).toEqual([
      "clip", "origin", "label", "unit", "fold",
      "extra-trees_probability_fake", "logistic_probability_fake", "seed-random-forest_probability_fake",
    ]);
    expect(rows.filter((row) => row.label === "fake").map((row) => row.unit).sort()).toEqual(
      [...Array(4).fill("system:SysG"), ...Array(4).fill("system:gen-a"), ...Array(4).fill("system:gen-b")],
    );
    expect(new Set(rows.map((row) => row.fold))).toEqual(new Set(["0", "1"]));
    for (const row of rows) {
      for (const learner of ["extra-trees", "logistic", "seed-random-forest"]) {
        const p = Number(row[`${learner}_probability_fake`]);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  }, 120_000);

  it("blends a variant's out-of-fold scores with a partner's calibrated logits (variants.ts blendedRun)", async () => {
    const work = mkdtempSync(join(tmpdir(), "vg-blend-"));
    const quiet = () => {};
    const prepared = await prepare({ ...DEFAULTS, data: syntheticData(), copies: 0, folds: 2, cache: join(work, "cache") }, quiet);
    const seedForest = { learner: LEARNERS["seed-random-forest"], design: (p: typeof prepared) => seedDesign(p.table) };
    const logistic = { learner: LEARNERS.logistic, design: (p: typeof prepared) => rowDesign(p.table, p.rowWeights) };
    const own = runProtocol(prepared, seedForest.design(prepared), seedForest.learner, 1, quiet);
    const partner = runProtocol(prepared, logistic.design(prepared), logistic.learner, 1, quiet);

    // A partner of no weight, or the variant's own model again, leaves every score's rank as it was.
    for (const blended of [blendedRun(prepared, own, [{ ...logistic, weight: 0 }], 1), blendedRun(prepared, own, [{ ...seedForest, weight: 0.5 }], 1)]) {
      expect(blended.metrics.pooled).toEqual(own.metrics.pooled);
      expect(blended.metrics.macroSystemEer).toBe(own.metrics.macroSystemEer);
    }
    // A quarter of the logistic model: each clip's score is the shares' mean of the two Platt logits.
    const quarter = blendedRun(prepared, own, [{ ...logistic, weight: 0.25 }], 1);
    const logit = (raw: Float64Array) => {
      const { a, b } = fitPlatt(raw, prepared.table.labels);
      return raw.map((r) => a * r + b);
    };
    const [ownLogit, partnerLogit] = [logit(own.raw), logit(partner.raw)];
    quarter.raw.forEach((raw, clip) => expect(raw).toBeCloseTo(0.75 * ownLogit[clip] + 0.25 * partnerLogit[clip], 12));
    expect(quarter.seconds).toBeGreaterThanOrEqual(own.seconds);
  }, 60_000);
});
