import { LamlClientError } from "./laml-client-error.js";
import type { ResolvedOptions } from "./resolve-options.js";
import { MAX_RETRY_AFTER_MS, retryDelay } from "./retry-delay.js";

/** Statuses after which an idempotent request is sent again; a POST only after 429 (not processed). */
const RETRY_STATUSES = [429, 500, 502, 503, 504];

/**
 * The `fetch` given to openapi-fetch, so resource methods and `laml.raw` share one policy: refuse
 * any origin but the configured one, then add auth, a timeout per attempt and retries.
 */
export function createLamlFetch(options: ResolvedOptions): (request: Request) => Promise<Response> {
  const { origin, authorization, userAgent, timeoutMs, maxRetries, fetch } = options;
  return async (request) => {
    const url = new URL(request.url);
    // The one gate before credentials are attached: a next_page_uri or a raw `baseUrl` elsewhere stops here.
    if (url.origin !== origin) {
      throw new LamlClientError(`Refused ${url.origin}: credentials go only to ${origin}, the spaceUrl.`);
    }
    // The caller's signal: openapi-fetch puts a method's `signal` on the Request.
    const { method, signal } = request;
    const headers = new Headers(request.headers);
    headers.set("Authorization", authorization);
    headers.set("User-Agent", userAgent);
    // The API's only POST (update) takes a form body, which the client's bodySerializer writes;
    // this spares `raw.POST` callers openapi-fetch's JSON default.
    if (method === "POST") headers.set("Content-Type", "application/x-www-form-urlencoded");
    // The API's only non-idempotent method is POST (update).
    const idempotent = method !== "POST";
    // The body (only the update's form) is read once, so that every attempt can send it.
    const body = request.body && (await request.text());
    let delay = 0;
    for (let retry = 0; ; retry++) {
      // One controller per attempt: the caller's abort, the backoff before it and its timeout.
      const attempt = new AbortController();
      // The caller's abort ends the attempt, and with it the timer and this link.
      const cancel = () => {
        settle();
        attempt.abort(signal.reason);
      };
      signal.addEventListener("abort", cancel);
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Ends the attempt's timer and its link to the caller's signal.
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", cancel);
      };
      let response: Response | undefined;
      let failure: unknown;
      try {
        signal.throwIfAborted();
        // The backoff before a retry, cut short by the caller's abort.
        if (delay) {
          await new Promise((resolve, reject) => {
            timer = setTimeout(resolve, delay);
            attempt.signal.onabort = () => reject(attempt.signal.reason);
          });
        }
        // A redirect is not followed: credentials would go along to wherever it points.
        const outgoing = new Request(url, { method, headers, body, signal: attempt.signal, redirect: "manual" });
        // The timer names `outgoing`, which keeps it alive while in flight: in Node's fetch a
        // Request's signal stops following `attempt` once the Request is garbage-collected, and
        // a fetch that holds only the signal would never see the abort.
        timer = setTimeout(() => {
          attempt.abort(new DOMException(`${outgoing.method} ${outgoing.url} timed out after ${timeoutMs} ms (timeoutMs)`, "TimeoutError"));
          settle();
        }, timeoutMs);
        response = await fetch(outgoing);
      } catch (error) {
        failure = attempt.signal.aborted ? attempt.signal.reason : error;
      }
      // A user's abort is final: never retried.
      signal.throwIfAborted();
      const retryable = response
        ? response.status === 429 || (idempotent && RETRY_STATUSES.includes(response.status))
        : idempotent && (failure instanceof TypeError || (failure as Error | undefined)?.name === "TimeoutError");
      delay = retryDelay(retry, response?.headers.get("Retry-After"));
      if (!retryable || retry >= maxRetries || delay > MAX_RETRY_AFTER_MS) {
        if (response) return coverBody(response, settle);
        settle();
        // fetch's own TypeError says only "fetch failed": name the request, keep the cause.
        throw failure instanceof TypeError
          ? new TypeError(`${method} ${url.pathname}: ${failure.message}`, { cause: failure })
          : failure;
      }
      settle();
    }
  };
}

/**
 * Keeps the attempt's timeout and the caller's abort over the reading of the body, ending them
 * once it is read. openapi-fetch reads JSON and error bodies with these two methods, so wrapping
 * them on this response is all it takes (with another `parseAs`, the timer ends them later);
 * reading the body here instead, in a clone or a copy, made every call about 20% slower.
 */
function coverBody(response: Response, settle: () => void): Response {
  if (!response.body) settle();
  for (const read of ["json", "text"] as const) {
    const original = response[read] as () => Promise<unknown>;
    (response as unknown as Record<string, unknown>)[read] = () => original.call(response).finally(settle);
  }
  return response;
}
