import {
  createFinalURL,
  createQuerySerializer,
  type RequestOptions as FetchRequestOptions,
  type FetchResponse,
  type HeadersOptions,
  type MiddlewareRequestParams,
  mergeHeaders,
  type ParseAs,
  type QuerySerializer,
  removeTrailingSlash,
} from "openapi-fetch";
import type { LamlCore } from "../../create-laml-core.js";
import type { serializeForm } from "../../fetch/serialize-form.js";
import type { RequestOptions } from "../../options/request-options.js";
import type { serializePath } from "./serialize-path.js";

/** What a raw call's init may hold: openapi-fetch's options, and the client's per-call limits. */
export type RawInit = Omit<FetchRequestOptions<unknown>, "params" | "body"> &
  Pick<RequestOptions, "timeoutMs" | "maxRetries"> & {
    params?: Omit<MiddlewareRequestParams, "header"> & { header?: HeadersOptions };
    body?: unknown;
    signal?: AbortSignal | null;
  };

/** The client's serializers, which openapi-fetch is configured with and the call below uses. */
export interface Serializers {
  bodySerializer: typeof serializeForm;
  pathSerializer: typeof serializePath;
  querySerializer: QuerySerializer<unknown>;
}

/** Whatever the call's method and path, the shape openapi-fetch resolves to. */
export type RawResult = FetchResponse<Record<string, unknown>, RawInit, `${string}/${string}`>;

/**
 * The init's keys the call below handles. Any other (`fetch`, `Request`, `bodySerializer`,
 * `middleware`, `baseUrl`, or a `RequestInit` option such as `cache`) sends the call through
 * openapi-fetch, whose `Request` then checks it before anything is sent.
 */
const HANDLED = new Set([
  "params",
  "headers",
  "body",
  "parseAs",
  "querySerializer",
  "pathSerializer",
  "signal",
  "timeoutMs",
  "maxRetries",
]);

/** The methods a `Request` takes a body with; GET and HEAD take none, and fetch forbids others (TRACE). */
const WITH_BODY = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

/**
 * Whether openapi-fetch would make this call (`method` upper-case) as the call below does, with
 * no middleware: an init of only the keys it handles, and a method a `Request` takes with that
 * body. A call that `new Request()` would refuse is left to openapi-fetch, which refuses it
 * before sending, rather than sent here and refused by fetch as if the network had failed.
 */
export function needsNoRequest(method: string, init: RawInit | null | undefined): boolean {
  for (const key in init) if (!HANDLED.has(key)) return false;
  return WITH_BODY.includes(method) || (init?.body === undefined && (method === "GET" || method === "HEAD"));
}

/**
 * A raw call as openapi-fetch makes one (`needsNoRequest`), in the same order and with the same
 * results (a conformance test runs each call both ways), without the `Request` that openapi-fetch
 * builds for middleware to see and the client would take apart again: so without its checks and
 * its normalizing of the URL, which fetch does in the end.
 */
export function createCallWithoutMiddleware({ apiRoot, send }: LamlCore, serializers: Serializers) {
  const baseUrl = removeTrailingSlash(apiRoot);
  return async (method: string, schemaPath: string, init?: RawInit | null): Promise<RawResult> => {
    const { params = {}, headers, body, parseAs = "json" as ParseAs, querySerializer, pathSerializer } = init ?? {};
    const form =
      body === undefined ? undefined : serializers.bodySerializer(body as Parameters<typeof serializeForm>[0]);
    // openapi-fetch's merge, which sets a JSON type under any body (the client sends POST's as a
    // form): only needed when the call has a header or a body; the client's own are added later.
    const merged =
      form !== undefined || headers || params.header
        ? mergeHeaders(form === undefined ? {} : { "Content-Type": "application/json" }, headers, params.header)
        : undefined;
    const url = createFinalURL(schemaPath, {
      baseUrl,
      params,
      querySerializer:
        typeof querySerializer === "function"
          ? querySerializer
          : querySerializer
            ? createQuerySerializer(querySerializer)
            : serializers.querySerializer,
      pathSerializer: pathSerializer ?? serializers.pathSerializer,
    });
    const response = await send(url, {
      method,
      headers: merged?.keys().next().done === false ? merged : undefined,
      body: form,
      signal: init?.signal,
      timeoutMs: init?.timeoutMs,
      maxRetries: init?.maxRetries,
    });
    return (await readAs(response, method, parseAs)) as RawResult;
  };
}

/** openapi-fetch's reading of a response: `{ data }` on 2xx, `{ error }` otherwise, parsed as asked. */
async function readAs(response: Response, method: string, parseAs: ParseAs) {
  const length = response.headers.get("Content-Length");
  if (
    response.status === 204 ||
    method === "HEAD" ||
    (length === "0" && !response.headers.get("Transfer-Encoding")?.includes("chunked"))
  ) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) {
    if (parseAs === "stream") return { data: response.body, response };
    if (parseAs === "json" && !length) {
      const text = await response.text();
      return { data: text ? JSON.parse(text) : undefined, response };
    }
    return { data: await response[parseAs](), response };
  }
  let error: unknown = await response.text();
  try {
    error = JSON.parse(error as string);
  } catch {}
  return { error, response };
}
