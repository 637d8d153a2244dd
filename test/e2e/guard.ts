/**
 * Watches a browser context for the page's two promises: no request leaves the loopback origin (every request is
 * recorded; any other is blocked and listed), and the page runs under a strict Content-Security-Policy (added to
 * every document it loads; violations Chromium reports on the console are listed).
 */
import type { BrowserContext } from "playwright-core";

/**
 * The policy the page is built for: no inline script or style, no third-party origin.
 * @param apiOrigin the API's origin when it is not the page's own
 */
export function strictCsp(apiOrigin?: string): string {
  const connect = apiOrigin ? `'self' ${apiOrigin}` : "'self'";
  return (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
    `connect-src ${connect}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
  );
}

export interface Guard {
  /** Every request URL the context made, in order. */
  requests: string[];
  /** Requests to anything but the loopback interface; blocked. */
  foreign: string[];
  cspViolations: string[];
}

export function isLoopback(url: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/**
 * @param apiOrigin when the page is served at another origin than the API: the served policy (written for the
 *   same-origin deployment, so it rightly forbids that origin) is replaced by the strict one allowing the API
 */
export async function guardContext(context: BrowserContext, apiOrigin?: string): Promise<Guard> {
  const policy = strictCsp(apiOrigin);
  const guard: Guard = { requests: [], foreign: [], cspViolations: [] };
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    guard.requests.push(url.href);
    if (!isLoopback(url)) {
      guard.foreign.push(url.href);
      return route.abort("blockedbyclient");
    }
    if (request.resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    const headers = response.headers();
    const own = headers["content-security-policy"];
    // Both policies are enforced when a response carries two: ours can only make the page's own stricter.
    headers["content-security-policy"] = own && !apiOrigin ? `${own}, ${policy}` : policy;
    return route.fulfill({ response, headers });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) guard.cspViolations.push(message.text());
  });
  return guard;
}
