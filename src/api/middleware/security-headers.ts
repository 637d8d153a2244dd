/**
 * Security headers on every response the Worker produces, errors included. API answers are data, never a page:
 * their Content-Security-Policy forbids everything, so a JSON body opened in a browser cannot run or embed anything.
 * A response that already carries its own policy (the Swagger UI page, whose headers come from frontend/_headers)
 * keeps it. The static page's headers are set in frontend/_headers.
 */
import type { MiddlewareHandler } from "hono";

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}
