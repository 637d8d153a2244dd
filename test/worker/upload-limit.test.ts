import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../../src/api/limits";
import { call, expectProblem, multipart, rawWav } from "./call";
import { fakeAnalyzer, fakeWav } from "./fake-analyzer";

const analyzer = fakeAnalyzer();
const app = createApp(analyzer);
const LIMIT = 64 * 1024;
const small = { MAX_UPLOAD_BYTES: String(LIMIT) };

/** A body that arrives in `chunkBytes` pieces, counting how many bytes the server pulled from it. */
function countedStream(totalBytes: number, chunkBytes = 4096) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      const chunk = sent === 0 ? fakeWav(size) : new Uint8Array(size);
      sent += size;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent: () => sent };
}

describe("MAX_UPLOAD_BYTES", () => {
  it("is 25 MiB unless configured (wrangler.toml)", async () => {
    const response = await call(app, "/api/v1/health");
    expect(await response.json()).toMatchObject({ limits: { max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES } });
  });

  it("accepts a body of exactly the limit", async () => {
    const response = await call(app, "/api/v1/analyze", rawWav(fakeWav(LIMIT)), small);
    expect(response.status).toBe(200);
    expect(analyzer.calls.at(-1)?.bytes.length).toBe(LIMIT);
  });

  it("refuses a declared Content-Length over the limit with 413 before reading the body", async () => {
    const body = countedStream(LIMIT + 1);
    const response = await call(
      app,
      "/api/v1/analyze",
      { method: "POST", body: body.stream, headers: { "Content-Type": "audio/wav", "Content-Length": String(LIMIT + 1) } },
      small,
    );
    const problem = await expectProblem(response, 413, "upload_too_large");
    expect(problem.detail).toContain(String(LIMIT));
    expect(body.sent()).toBeLessThanOrEqual(4096);
  });

  it("refuses a streamed body without Content-Length once it passes the limit, without reading the rest", async () => {
    const body = countedStream(50 * LIMIT);
    const response = await call(
      app,
      "/api/v1/analyze",
      { method: "POST", body: body.stream, headers: { "Content-Type": "audio/wav" } },
      small,
    );
    await expectProblem(response, 413, "upload_too_large");
    expect(body.sent()).toBeLessThanOrEqual(LIMIT + 3 * 4096);
  });

  it("refuses a body larger than its Content-Length claims", async () => {
    const body = countedStream(50 * LIMIT);
    const response = await call(
      app,
      "/api/v1/analyze",
      { method: "POST", body: body.stream, headers: { "Content-Type": "audio/wav", "Content-Length": "100" } },
      small,
    );
    await expectProblem(response, 413, "upload_too_large");
    expect(body.sent()).toBeLessThanOrEqual(LIMIT + 3 * 4096);
  });

  it("counts the whole multipart body, not just the file", async () => {
    const response = await call(app, "/api/v1/analyze", { method: "POST", body: multipart(fakeWav(LIMIT - 10)) }, small);
    await expectProblem(response, 413, "upload_too_large");
  });

  it("applies to /predict too", async () => {
    await expectProblem(await call(app, "/predict", rawWav(fakeWav(LIMIT + 1)), small), 413, "upload_too_large");
  });

  it("holds at the default 25 MiB for a streamed body", async () => {
    const body = countedStream(DEFAULT_MAX_UPLOAD_BYTES + 1, 1024 * 1024);
    const response = await call(app, "/api/v1/analyze", {
      method: "POST",
      body: body.stream,
      headers: { "Content-Type": "audio/wav" },
    });
    await expectProblem(response, 413, "upload_too_large");
  });

  it("answers a body stream that fails midway with 400 body_read_failed", async () => {
    let pulls = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls > 2) controller.error(new Error("client went away"));
        else controller.enqueue(fakeWav(1000));
      },
    });
    const response = await call(app, "/api/v1/analyze", {
      method: "POST",
      body: failing,
      headers: { "Content-Type": "audio/wav" },
    });
    await expectProblem(response, 400, "body_read_failed");
  });
});
