import type { paths } from "@laml/types";
import createClient, { type Client, createQuerySerializer } from "openapi-fetch";
import type { LamlCore } from "../../create-laml-core.js";
import { serializeForm } from "../../fetch/serialize-form.js";
import type { RequestOptions } from "../../options/request-options.js";
import {
  createCallWithoutMiddleware,
  needsNoRequest,
  type RawInit,
  type Serializers,
} from "./call-without-middleware.js";
import { serializePath } from "./serialize-path.js";

/** openapi-fetch copies the init's own keys onto its request, `timeoutMs` and `maxRetries` among them. */
type Sent = Request & Pick<RequestOptions, "timeoutMs" | "maxRetries">;

/** openapi-fetch's methods, each taking its init last. */
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * `withRaw(laml).raw`: an openapi-fetch client of every path of the spec, sending through the
 * core's policy. openapi-fetch builds a `Request` for each call, which the client would only take
 * apart again; that cost a call as much as all the rest of the client (docs/decisions.md). So a
 * call goes to openapi-fetch only when something needs that `Request`: middleware, registered
 * with `use()` (for good: `eject()` does not bring a call back), or anything `needsNoRequest`
 * leaves to it. Every other call is made the same way without it.
 */
export function createRawClient(core: LamlCore): Client<paths> {
  const { apiRoot, send } = core;
  let middleware = false;
  // One set for both ways a call is made, so that they cannot drift apart.
  const serializers: Serializers = {
    bodySerializer: serializeForm,
    pathSerializer: serializePath,
    // Made once: given none, openapi-fetch makes its default query serializer again on every call.
    querySerializer: createQuerySerializer(),
  };
  const client = createClient<paths>({
    baseUrl: apiRoot,
    fetch: async (request: Sent) =>
      send(request.url, {
        method: request.method,
        // openapi-fetch's own, empty unless the call set one: the client's are then all it sends.
        headers: request.headers.keys().next().done ? undefined : request.headers,
        body: request.body ? await request.text() : undefined,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
        maxRetries: request.maxRetries,
      }),
    ...serializers,
  });
  const direct = createCallWithoutMiddleware(core, serializers);
  const call = client as unknown as Record<"request", (method: string, url: string, init?: RawInit) => unknown>;
  const request = (method: string, url: string, init?: RawInit) => {
    const upper = method.toUpperCase();
    return !middleware && needsNoRequest(upper, init) ? direct(upper, url, init) : call.request(method, url, init);
  };
  const raw: Record<string, unknown> = {
    ...client,
    use: (...added: Parameters<Client<paths>["use"]>) => {
      middleware = true;
      client.use(...added);
    },
    request,
  };
  for (const method of METHODS) raw[method] = (url: string, init?: RawInit) => request(method, url, init);
  return raw as unknown as Client<paths>;
}
