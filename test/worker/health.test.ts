import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /api/v1/health on the Worker entry", () => {
  it("answers ok with the deployment's access mode and limits (wrangler.toml)", async () => {
    const response = await exports.default.fetch("https://voiceguard.test/api/v1/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      auth: "none",
      limits: { max_upload_bytes: 26214400, max_analyzed_seconds: 600 },
    });
  });
});
