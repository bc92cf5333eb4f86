import type { onRequestHookHandler } from "fastify";

/** How long a browser may reuse a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * The hook that lets web pages on other origins call the API (CORS): every answer to an allowed
 * origin names it and exposes `Retry-After`, which a client reads on a 429; a preflight of an
 * API path is answered at once with its methods. Any origin is allowed unless `onlyOrigin` names
 * one: the API needs the account's credentials anyway. Preflights never meet injected faults,
 * which a browser would report as a bare network error.
 */
export function allowCrossOrigin(
  onlyOrigin: string | undefined,
  methodsOf: (path: string) => readonly string[] | undefined,
): onRequestHookHandler {
  return (request, reply, done) => {
    const origin = request.headers.origin;
    if (origin === undefined || (onlyOrigin !== undefined && origin !== onlyOrigin)) return done();
    reply.headers({
      "access-control-allow-origin": origin,
      "access-control-expose-headers": "Retry-After",
      vary: "Origin",
    });
    const preflight = request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined;
    const methods = preflight ? methodsOf(request.url.split("?")[0] ?? "") : undefined;
    if (!methods) return done();
    const asked = request.headers["access-control-request-headers"];
    reply
      .code(204)
      .headers({
        "access-control-allow-methods": methods.join(", "),
        // The client sends Authorization and Content-Type, and whatever a caller adds.
        ...(asked && { "access-control-allow-headers": asked }),
        "access-control-max-age": String(PREFLIGHT_MAX_AGE),
      })
      .send();
  };
}
