/**
 * Copies Swagger UI from the swagger-ui-dist package into frontend/docs/vendor/, so GET /docs serves it from the
 * Worker's own static assets and the docs page makes no request to a CDN. The copies are build output (ignored by
 * git): run before `wrangler dev`, the tests, the build and the deploy by their npm pre-scripts.
 *
 *   npx tsx scripts/build-docs.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

/** The UMD bundle (defines window.SwaggerUIBundle), its stylesheet, and the licence texts that must travel with them. */
const FILES = ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"];
/** frontend/tsconfig.json type-checks every .js below frontend/; a vendored bundle is not ours to check. */
const JS_MARKER = "// @ts-nocheck (swagger-ui-dist build, copied by scripts/build-docs.ts)\n";

const packageJson = createRequire(import.meta.url).resolve("swagger-ui-dist/package.json");
const source = dirname(packageJson);
const target = resolve(import.meta.dirname, "../frontend/docs/vendor");
const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };

mkdirSync(target, { recursive: true });
for (const file of FILES) {
  const bytes = readFileSync(join(source, file));
  writeFileSync(join(target, file), file.endsWith(".js") ? Buffer.concat([Buffer.from(JS_MARKER), bytes]) : bytes);
}
console.log(`build-docs: swagger-ui-dist ${version} -> ${relative(process.cwd(), target)}/ (${FILES.join(", ")})`);
