import { describe, expect, it } from "vitest";
import { invalidResponse, networkError, problemFromResponse } from "./problem.js";

describe("problemFromResponse", () => {
  it("takes title, detail, code and status from a problem+json body", () => {
    const body = JSON.stringify({
      type: "https://voiceguard.dev/problems/too_short",
      title: "Too little audio",
      status: 422,
      detail: "After trimming silence 0.2 s remain; at least 0.5 s are needed.",
      code: "too_short",
    });
    expect(problemFromResponse(422, "application/problem+json", body)).toEqual({
      title: "Too little audio",
      detail: "After trimming silence 0.2 s remain; at least 0.5 s are needed.",
      code: "too_short",
      status: 422,
    });
  });

  it("accepts a plain JSON error body with `error` or `message`", () => {
    const p = problemFromResponse(500, "application/json; charset=utf-8", '{"error":"boom"}');
    expect(p).toMatchObject({ title: "The server answered 500", detail: "boom", code: "http_500", status: 500 });
  });

  it("falls back to advice by status when the JSON is not an object or lacks text", () => {
    expect(problemFromResponse(429, "application/problem+json", "[1,2]").detail).toMatch(/Wait a minute/);
    expect(problemFromResponse(413, "application/problem+json", '{"title":"  ","detail":42}')).toMatchObject({
      title: "The server answered 413",
      detail: expect.stringMatching(/larger than the server accepts/),
    });
    expect(problemFromResponse(400, "application/problem+json", "{not json").code).toBe("http_400");
  });

  it("never shows an HTML page as the message", () => {
    const p = problemFromResponse(502, "text/html", "<html><body><h1>Bad gateway</h1></body></html>");
    expect(p.detail).toBe("The server had a problem. Try again in a moment.");
    expect(p.detail).not.toContain("<");
  });

  it("shows short plain text as is and cuts long text", () => {
    expect(problemFromResponse(403, "text/plain", " forbidden by policy \n").detail).toBe("forbidden by policy");
    const long = problemFromResponse(400, "text/plain;charset=UTF-8", "x".repeat(1000)).detail;
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
  });

  it("handles a missing content type and an unknown status", () => {
    expect(problemFromResponse(418, null, "")).toEqual({
      title: "The server answered 418",
      detail: "The server could not analyse this recording.",
      code: "http_418",
      status: 418,
    });
  });
});

describe("networkError", () => {
  it("names the unreachable origin and has no status", () => {
    expect(networkError("https://api.example.org")).toMatchObject({
      code: "network_error",
      status: null,
      detail: expect.stringContaining("https://api.example.org"),
    });
  });
});

describe("invalidResponse", () => {
  it("keeps the status and the detail it is given", () => {
    expect(invalidResponse(200, "not a card")).toEqual({
      title: "Unexpected answer from the server",
      detail: "not a card",
      code: "invalid_response",
      status: 200,
    });
  });
});
