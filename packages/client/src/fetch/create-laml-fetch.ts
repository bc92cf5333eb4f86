import type { operations } from "@laml/types";
import { LamlClientError } from "../errors/laml-client-error.js";
import type { ResolvedOptions } from "../options/resolve-options.js";
import { Attempt } from "./attempt.js";
import { retryDelay } from "./retry-delay.js";

/** The media type of the update's body, the API's only request body. */
const FORM = "application/x-www-form-urlencoded" satisfies keyof NonNullable<
  operations["updateParticipant"]["requestBody"]
>["content"];

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
 * origin but the configured one, add auth, then send attempts (`Attempt`: a timeout each, the
 * caller's abort, the body covered) for as long as the retry policy (`retryDelay`) says.
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
    const idempotent = method !== "POST";
    // The update takes a form body, which the client writes (`serializeForm`); this spares
    // `raw.POST` callers openapi-fetch's JSON default.
    if (!idempotent) headers.set("Content-Type", FORM);
    // An already aborted signal sends nothing (and gets no listener, which would never fire).
    signal?.throwIfAborted();
    const request = { fetch, url, method, headers, body, timeoutMs, signal };
    for (let retry = 0, delay: number | undefined = 0; ; retry++) {
      const attempt = new Attempt(request);
      await attempt.send(delay);
      delay = retryDelay(attempt, idempotent, retry, maxRetries);
      if (delay === undefined) return attempt.end();
      attempt.settle();
    }
  };
}
