import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app";
import { call, expectProblem, multipart, rawWav } from "./call";
import { fakeAnalyzer, fakeWav } from "./fake-analyzer";

const analyzer = fakeAnalyzer();
const app = createApp(analyzer);
const lastCall = () => analyzer.calls[analyzer.calls.length - 1];

describe("POST /api/v1/analyze bodies", () => {
  it("analyses the multipart field `file`, byte for byte", async () => {
    const wav = fakeWav(1234);
    wav[500] = 7;
    const response = await call(app, "/api/v1/analyze", { method: "POST", body: multipart(wav) });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(lastCall()?.bytes).toEqual(wav);
    const analysis = (await response.json()) as { probability_fake: number; segments: unknown[] };
    expect(analysis.probability_fake).toBe((1234 % 101) / 100);
    expect(analysis.segments).toHaveLength(2);
  });

  it.each(["audio/wav", "audio/x-wav", "audio/wave", "application/octet-stream", "Audio/WAV; charset=binary"])(
    "analyses a raw body sent as %s",
    async (contentType) => {
      const wav = fakeWav(777);
      const response = await call(app, "/api/v1/analyze", rawWav(wav, contentType));
      expect(response.status).toBe(200);
      expect(lastCall()?.bytes).toEqual(wav);
    },
  );

  it("does not care about the uploaded file's name (the seed accepted only *.wav)", async () => {
    const response = await call(app, "/api/v1/analyze", {
      method: "POST",
      body: multipart(fakeWav(300), {}, "voice-note.m4a.renamed"),
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ["text/plain", "Content-Type \"text/plain\" is not accepted"],
    ["application/x-www-form-urlencoded", "is not accepted"],
    ["audio/mpeg", "converts MP3, M4A, OGG, FLAC and WebM"],
    ["application/json", "is not accepted"],
  ])("refuses a %s body with 415 unsupported_media_type", async (contentType, detail) => {
    const problem = await expectProblem(
      await call(app, "/api/v1/analyze", rawWav(fakeWav(100), contentType)),
      415,
      "unsupported_media_type",
    );
    expect(problem.detail).toContain(detail);
  });

  it("refuses a body without Content-Type with 415", async () => {
    const response = await call(app, "/api/v1/analyze", { method: "POST", body: new Blob([fakeWav(100)]) });
    const problem = await expectProblem(response, 415, "unsupported_media_type");
    expect(problem.detail).toContain("No Content-Type was sent");
  });

  it("answers an empty raw body with 415 empty_input (from the decoder)", async () => {
    await expectProblem(await call(app, "/api/v1/analyze", rawWav(new Uint8Array(0))), 415, "empty_input");
  });

  it("answers a multipart body without `file` with 400 invalid_request naming the field", async () => {
    const form = new FormData();
    form.append("audio", new File([fakeWav(100)], "clip.wav"));
    const problem = await expectProblem(
      await call(app, "/api/v1/analyze", { method: "POST", body: form }),
      400,
      "invalid_request",
    );
    expect(problem.detail).toContain("file");
  });

  it("answers `file` sent as a text field with 400 invalid_request", async () => {
    const form = new FormData();
    form.append("file", "RIFF not really a file");
    await expectProblem(await call(app, "/api/v1/analyze", { method: "POST", body: form }), 400, "invalid_request");
  });

  it("answers two `file` fields with 400 invalid_request", async () => {
    const form = multipart(fakeWav(100));
    form.append("file", new File([fakeWav(200)], "b.wav"));
    await expectProblem(await call(app, "/api/v1/analyze", { method: "POST", body: form }), 400, "invalid_request");
  });

  it.each([
    ["no boundary", "multipart/form-data", "RIFF"],
    ["a boundary that never occurs", "multipart/form-data; boundary=xyz", "RIFF...."],
    ["a part cut off", "multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="file"'],
  ])("answers a multipart body with %s with 400 malformed_body", async (_, contentType, body) => {
    await expectProblem(
      await call(app, "/api/v1/analyze", { method: "POST", body, headers: { "Content-Type": contentType } }),
      400,
      "malformed_body",
    );
  });
});

describe("analysis options", () => {
  const post = (query: string, fields: Record<string, string> = {}) =>
    call(app, `/api/v1/analyze${query}`, { method: "POST", body: multipart(fakeWav(400), fields) });

  it("defaults to 2 s segments with the timeline, and the deployment's analysis cap", async () => {
    expect((await post("")).status).toBe(200);
    expect(lastCall()?.options).toEqual({ segmentSeconds: 2, segments: true, maxAnalyzedSeconds: 600 });
  });

  it("reads the options from the query string, for raw bodies too", async () => {
    const response = await call(app, "/api/v1/analyze?segment_seconds=0.5&segments=false", rawWav(fakeWav(400)));
    expect(response.status).toBe(200);
    expect(lastCall()?.options).toMatchObject({ segmentSeconds: 0.5, segments: false });
    expect(((await response.json()) as { segments: unknown[] }).segments).toEqual([]);
  });

  it("reads the options from multipart fields", async () => {
    expect((await post("", { segment_seconds: "10", segments: "false" })).status).toBe(200);
    expect(lastCall()?.options).toMatchObject({ segmentSeconds: 10, segments: false });
  });

  it("accepts the same value given both ways", async () => {
    expect((await post("?segment_seconds=4", { segment_seconds: "4" })).status).toBe(200);
    expect(lastCall()?.options.segmentSeconds).toBe(4);
  });

  it("refuses different values given both ways with 400 conflicting_options", async () => {
    await expectProblem(await post("?segment_seconds=4", { segment_seconds: "3" }), 400, "conflicting_options");
  });

  it.each(["0.4", "10.5", "0", "-1", "abc", "", "Infinity", "NaN"])(
    "refuses segment_seconds=%s with 400 invalid_request",
    async (value) => {
      const problem = await expectProblem(await post(`?segment_seconds=${value}`), 400, "invalid_request");
      expect(problem.detail).toContain("segment_seconds");
    },
  );

  it.each(["yes", "1", "TRUE"])("refuses segments=%s with 400 invalid_request", async (value) => {
    await expectProblem(await post("", { segments: value }), 400, "invalid_request");
  });

  it("refuses a repeated query option with 400 invalid_request", async () => {
    await expectProblem(await post("?segment_seconds=2&segment_seconds=3"), 400, "invalid_request");
  });
});

describe("POST /predict (the seed's contract)", () => {
  it.each([
    [fakeWav(20), "real", 0.2],
    [fakeWav(50), "fake", 0.5],
    [fakeWav(49), "real", 0.49],
    [fakeWav(90), "fake", 0.9],
  ])("answers { prediction, probability_fake } for a multipart upload", async (wav, prediction, probability) => {
    const response = await call(app, "/predict", { method: "POST", body: multipart(wav) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ prediction, probability_fake: probability });
    expect(lastCall()?.options).toMatchObject({ segments: false });
  });

  it("accepts a raw WAV body too", async () => {
    const response = await call(app, "/predict", rawWav(fakeWav(90)));
    expect(await response.json()).toEqual({ prediction: "fake", probability_fake: 0.9 });
  });

  it("answers failures with the same problems as /api/v1/analyze", async () => {
    await expectProblem(await call(app, "/predict", rawWav(new TextEncoder().encode("ID3 mp3"))), 415, "not_wav");
  });
});

describe("Server-Timing", () => {
  it("reports the app's total, the upload and the detector's stages on an analysis", async () => {
    const response = await call(app, "/api/v1/analyze", rawWav(fakeWav(400)));
    const names = (response.headers.get("Server-Timing") ?? "").split(",").map((entry) => entry.trim().split(";")[0]);
    expect(names.sort()).toEqual(
      ["analysis-decode", "analysis-features", "analysis-model", "analysis-total", "total", "upload"].sort(),
    );
  });
});
