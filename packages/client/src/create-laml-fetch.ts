import { LamlClientError } from "./laml-client-error.js";
import type { ResolvedOptions } from "./resolve-options.js";
import { MAX_RETRY_AFTER_MS, retryDelay } from "./retry-delay.js";

/** Statuses after which an idempotent request is sent again; any request is after 429 (not processed). */
const RETRY_STATUSES = [500, 502, 503, 504];

/** What the wrapper needs of a request: `laml.raw` passes its caller's headers and body along. */
export interface LamlRequestInit {
  method: string;
  headers?: Headers;
  body?: string | null;
  signal?: AbortSignal | null;
}

/** Sends one request under the client's policy (see `createLamlFetch`). */
export type LamlFetch = (url: URL, init: LamlRequestInit) => Promise<Response>;

/**
 * The one way requests leave the client, for resource methods and `laml.raw` alike: refuse any
 * origin but the configured one, then add auth, a timeout per attempt and retries.
 */
export function createLamlFetch(options: ResolvedOptions): LamlFetch {
  const { origin, authorization, userAgent, timeoutMs, maxRetries, fetch } = options;
  return async (url, { method, headers: given, body, signal }) => {
    // The one gate before credentials are attached: a next_page_uri or a raw `baseUrl` elsewhere stops here.
    if (url.origin !== origin) {
      throw new LamlClientError(`Refused ${url.origin}: credentials go only to ${origin}, the spaceUrl.`);
    }
    const headers = new Headers(given);
    headers.set("Authorization", authorization);
    headers.set("User-Agent", userAgent);
    // The API's only non-idempotent method is POST (update).
    const idempotent = method !== "POST";
    // That update takes a form body, which the client writes (`serializeForm`); this spares
    // `raw.POST` callers openapi-fetch's JSON default.
    if (!idempotent) headers.set("Content-Type", "application/x-www-form-urlencoded");
    // An already aborted signal sends nothing (and gets no listener, which would never fire).
    signal?.throwIfAborted();
    let delay = 0;
    for (let retry = 0; ; retry++) {
      // One controller per attempt: the caller's abort, the backoff before it and its timeout.
      const attempt = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let interrupt: ((reason: unknown) => void) | undefined;
      // Ends the attempt's timer and its link to the caller's signal. It also lets go of the last
      // wait, whose promise holds what it resolved to (the body): kept, it doubled the number of
      // full garbage collections per call (bench/README.md).
      const settle = () => {
        interrupt = undefined;
        clearTimeout(timer);
        signal?.removeEventListener("abort", cancel);
      };
      // Aborts the attempt and ends at once whatever waits on it, even a fetch that misses the
      // abort: a Request's signal stops following ours once the Request is garbage-collected (in
      // Node), and a test double may not listen at all.
      const abort = (reason: unknown) => {
        interrupt?.(reason);
        settle();
        attempt.abort(reason);
      };
      // Waits for `promise` unless the attempt is aborted first: the backoff, the answer, the body.
      const wait = <T>(promise: Promise<T>) =>
        new Promise<T>((resolve, reject) => {
          interrupt = reject;
          promise.then(resolve, reject);
        });
      // The caller's abort ends the attempt.
      const cancel = () => abort(signal?.reason);
      signal?.addEventListener("abort", cancel);
      let response: Response | undefined;
      let failure: unknown;
      try {
        // The backoff before a retry, cut short by the caller's abort.
        if (delay) await wait(new Promise((resolve) => (timer = setTimeout(resolve, delay))));
        timer = setTimeout(
          () => abort(new DOMException(`${method} ${url} timed out after ${timeoutMs} ms (timeoutMs)`, "TimeoutError")),
          timeoutMs,
        );
        // A redirect is not followed: credentials would go along to wherever it points.
        response = await wait(fetch(url, { method, headers, body, signal: attempt.signal, redirect: "manual" }));
      } catch (error) {
        failure = attempt.signal.aborted ? attempt.signal.reason : error;
      }
      // A user's abort is final: never retried.
      signal?.throwIfAborted();
      // Without a response, an idempotent request is retried after a network error (TypeError) or
      // a timeout: with the caller's abort ruled out just above, an aborted attempt timed out.
      const retryable = response
        ? response.status === 429 || (idempotent && RETRY_STATUSES.includes(response.status))
        : idempotent && (failure instanceof TypeError || attempt.signal.aborted);
      // No retry is an endless delay; the delay is worked out only for a retry, so a success costs nothing more.
      delay = retryable && retry < maxRetries ? retryDelay(retry, response?.headers.get("Retry-After")) : Infinity;
      if (delay > MAX_RETRY_AFTER_MS) {
        if (response) return coverBody(response, settle, wait);
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
 * once it is read. openapi-fetch and paging read bodies with these two methods, so wrapping them
 * on this response is all it takes (with another `parseAs`, the timer ends them later); reading
 * the body here instead, in a clone or a copy, made every call about 20% slower.
 */
function coverBody(response: Response, settle: () => void, wait: <T>(promise: Promise<T>) => Promise<T>): Response {
  if (!response.body) settle();
  for (const read of ["json", "text"] as const) {
    const original = response[read] as () => Promise<unknown>;
    (response as unknown as Record<string, unknown>)[read] = () => wait(original.call(response)).finally(settle);
  }
  return response;
}
