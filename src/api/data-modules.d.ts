/**
 * Files bundled as ArrayBuffer modules by the `Data` rule in wrangler.toml (the model binary). The same rule applies
 * under `wrangler dev`, `wrangler deploy` and @cloudflare/vitest-pool-workers.
 */
declare module "*.bin" {
  const bytes: ArrayBuffer;
  export default bytes;
}
