/**
 * Calls an app inside workerd with the worker's real bindings (wrangler.toml: assets, rate limiter, vars), some of
 * them overridden per test (API_KEYS, ALLOWED_ORIGINS...). Every call comes from its own client address unless the
 * test names one, so the rate limiter only counts what a test means it to.
 */
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import type { ApiBindings } from "../../src/api/bindings";
import type { Problem } from "../../src/api/problem";

export interface Callable {
  fetch(request: Request, env: ApiBindings): Response | Promise<Response>;
}

let lastAddress = 0;

export function freshClientAddress(): string {
  lastAddress += 1;
  return `198.51.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
}

export function call(
  app: Callable,
  path: string,
  init: RequestInit = {},
  bindings: Partial<ApiBindings> = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("CF-Connecting-IP")) headers.set("CF-Connecting-IP", freshClientAddress());
  const request = new Request(new URL(path, "https://voiceguard.test"), { ...init, headers });
  return Promise.resolve(app.fetch(request, { ...env, ...bindings }));
}

/** A multipart body with `file` and any extra text fields. */
export function multipart(file: Uint8Array, fields: Record<string, string> = {}, name = "clip.wav"): FormData {
  const form = new FormData();
  form.append("file", new File([file], name, { type: "audio/wav" }));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

export function rawWav(bytes: Uint8Array, contentType = "audio/wav"): RequestInit {
  return { method: "POST", body: bytes, headers: { "Content-Type": contentType } };
}

/** Asserts an RFC 9457 problem answer with this status and code; returns its body for further checks. */
export async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  expect({ status: response.status, contentType: response.headers.get("Content-Type") }).toEqual({
    status,
    contentType: "application/problem+json",
  });
  const body = (await response.json()) as Problem;
  expect(body).toEqual({
    type: `urn:voiceguard:problem:${code}`,
    title: expect.any(String),
    status,
    detail: expect.stringMatching(/\S/),
    code,
  });
  return body;
}
