import type { operations } from "@laml/types";
import { LamlClientError } from "../errors/laml-client-error.js";
import { maxRetriesOf, timeoutMsOf } from "../options/attempt-limits.js";
import type { RequestOptions } from "../options/request-options.js";
import type { ResolvedOptions } from "../options/resolve-options.js";
import { Attempt } from "./attempt.js";
import { eitherSignal } from "./either-signal.js";
import { retryDelay } from "./retry-delay.js";

/** The media type of the update's body, the API's only request body. */
const FORM = "application/x-www-form-urlencoded" satisfies keyof NonNullable<
  operations["updateParticipant"]["requestBody"]
>["content"];

/** What the wrapper needs of a request: `withRaw(laml).raw` passes its caller's headers and body along. */
export interface LamlRequestInit extends Omit<RequestOptions, "signal"> {
  method: string;
  body?: string | null;
  signal?: AbortSignal | null;
}

/** Sends one request under the client's policy (see `createLamlFetch`). */
export type LamlFetch = (url: URL | string, init: LamlRequestInit) => Promise<Response>;

/** The spec's idempotent update fields, parsed on the first update rather than on each one. */
let idempotentFields: string[] | undefined;

/**
 * Whether sending this update twice has the effect of sending it once: every field it sets is
 * one the spec marks `x-laml-idempotent` (an absolute state, such as `Muted`).
 */
function idempotentUpdate(body: string | null | undefined): boolean {
  idempotentFields ??= JSON.parse(__LAML_IDEMPOTENT_UPDATE_FIELDS__) as string[];
  for (const name of new URLSearchParams(body ?? "").keys()) {
    if (!idempotentFields.includes(name)) return false;
  }
  return true;
}

/**
 * The one way requests leave the client, for resource methods and `withRaw(laml).raw` alike: refuse any
 * origin but the configured one, add auth, then send attempts (`Attempt`: a timeout each, the
 * caller's abort, the body covered) for as long as the retry policy (`retryDelay`) says, telling
 * the hooks and the log about each one when they are set.
 */
export function createLamlFetch(options: ResolvedOptions): LamlFetch {
  const { origin, authorization, userAgent, fetch, observer } = options;
  const onOrigin = `${origin}/`;
  // What a request sends when neither the call nor the client adds a header: records made once,
  // which fetch copies as it would a `Headers`, instead of a `Headers` built per call.
  const own = { authorization, "user-agent": userAgent };
  // The update takes a form body, which the client writes (`serializeForm`); this spares
  // `raw.POST` callers openapi-fetch's JSON default.
  const ownPost = { ...own, "content-type": FORM };
  return async (target, init) => {
    // The one gate before credentials are attached: a next_page_uri or a raw `baseUrl` elsewhere
    // stops here. A URL written from the origin passes on its prefix; any other is parsed.
    let url = `${target}`;
    if (!url.startsWith(onOrigin)) {
      const parsed = new URL(url);
      if (parsed.origin !== origin) {
        throw new LamlClientError(`Refused ${parsed.origin}: credentials go only to ${origin}, the spaceUrl.`);
      }
      url = parsed.href;
    }
    const { method, body } = init;
    const post = method === "POST";
    let headers: HeadersInit = post ? ownPost : own;
    if (init.headers || options.headers) {
      const merged = new Headers(init.headers);
      options.headers?.forEach((value, name) => {
        if (!merged.has(name)) merged.set(name, value);
      });
      for (const [name, value] of Object.entries(headers)) merged.set(name, value);
      headers = merged;
    }
    const idempotent = !post || idempotentUpdate(body);
    const timeoutMs = timeoutMsOf(init.timeoutMs, options.timeoutMs);
    const maxRetries = maxRetriesOf(init.maxRetries, options.maxRetries);
    const signal = eitherSignal(init.signal, options.signal);
    // An already aborted signal sends nothing (and gets no listener, which would never fire).
    signal?.throwIfAborted();
    const request = { fetch, url, method, headers, body, timeoutMs, signal };
    for (let retry = 0, delay: number | undefined = 0; ; retry++) {
      const attempt = new Attempt(request);
      let started = 0;
      // Only with hooks or logging set: the attempt then tells them before it is sent.
      const before =
        observer &&
        (async () => {
          await observer.request(request, retry + 1);
          started = performance.now();
        });
      await attempt.send(delay, before);
      delay = retryDelay(attempt, idempotent, retry, maxRetries);
      if (observer && !attempt.failedBefore) {
        await observer.after(attempt, request, retry + 1, performance.now() - started, delay).catch((error) => {
          attempt.settle();
          throw error;
        });
      }
      if (delay === undefined) return attempt.end();
      attempt.settle();
    }
  };
}
