declare module "cloudflare:workers" {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("../src/index");
    }
  }
}

/** The bindings wrangler.toml gives the worker, as tests see them through `env` from "cloudflare:workers". */
declare namespace Cloudflare {
  interface Env extends import("../src/api/bindings").ApiBindings {}
}
