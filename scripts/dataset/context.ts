/** What every stage of the build needs to know: folders, seed, limits, parallelism. */
import { join } from "node:path";

export interface BuildContext {
  /** Output folder: manifest.csv, split.csv, summary, final clips under real/, fake/, github/. */
  outDir: string;
  /** Shared data folder holding github/ (and texts/), default ../shared/data. */
  dataDir: string;
  /** Run seed; 0 keeps the documented seeds of SOURCES.md. */
  seed: number;
  /** Development cap on units per source or generator; Infinity for the full build. */
  limit: number;
  /** Parallel external programs. */
  jobs: number;
}

export const paths = (ctx: Pick<BuildContext, "outDir">) => ({
  cache: join(ctx.outDir, "cache"),
  debs: join(ctx.outDir, "cache", "debs"),
  extract: join(ctx.outDir, "cache", "extract"),
  work: join(ctx.outDir, "work"),
  /** Conditioned clips before the channel stage (resumable, and the "before" side of the shortcut audit). */
  clean: join(ctx.outDir, "work", "clean"),
  logs: join(ctx.outDir, "work", "logs"),
  npm: join(ctx.outDir, "work", "npm"),
  tools: join(ctx.outDir, "work", "tools"),
});
