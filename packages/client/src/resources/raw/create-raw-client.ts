import type { paths } from "@laml/types";
import createClient, { type Client, createQuerySerializer } from "openapi-fetch";
import type { LamlCore } from "../../create-laml-core.js";
import { serializeForm } from "../../fetch/serialize-form.js";
import type { RequestOptions } from "../../options/request-options.js";
import { serializePath } from "./serialize-path.js";

/** What openapi-fetch's init holds of a request, with the URL it is for: its "Request" without middleware. */
type RequestParts = Pick<Request, "url" | "method" | "headers" | "signal"> & { body?: string | null };

/** openapi-fetch copies the init's own keys onto its request, `timeoutMs` and `maxRetries` among them. */
type Sent = (Request | RequestParts) & Pick<RequestOptions, "timeoutMs" | "maxRetries">;

/** What the wrapper reads of a call's init: openapi-fetch's per-call middleware. */
type CallInit = { middleware?: unknown[] } | undefined;

/** openapi-fetch's methods, each taking its init last. */
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * `withRaw(laml).raw`: an openapi-fetch client of every path of the spec, sending through the
 * core's policy. openapi-fetch builds a `Request` for each call, which the wrapper would only take
 * apart again; that cost a call as much as all the rest of the client (docs/decisions.md). So,
 * with no middleware, its "Request" is the init's parts as they are, and middleware, registered
 * with `use()` or given to one call, gets a real `Request`, as openapi-fetch documents.
 */
export function createRawClient({ apiRoot, send }: LamlCore): Client<paths> {
  let middleware = false;
  const client = createClient<paths>({
    baseUrl: apiRoot,
    Request: function parts(url: string, init: RequestInit) {
      return middleware ? new Request(url, init) : { ...init, url };
    } as unknown as typeof Request,
    fetch: async (request: Sent) =>
      send(request.url, {
        method: request.method,
        // openapi-fetch's own, empty unless the call set one: the client's are then all it sends.
        headers: request.headers.keys().next().done ? undefined : request.headers,
        body: typeof request.body === "object" && request.body ? await (request as Request).text() : request.body,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
        maxRetries: request.maxRetries,
      }),
    bodySerializer: serializeForm,
    pathSerializer: serializePath,
    // Made once: given none, openapi-fetch makes its default query serializer again on every call.
    querySerializer: createQuerySerializer(),
  });
  // `Request` is also an option of each call: a call with its own middleware gets the real one.
  const real = (init: CallInit) => (init?.middleware?.length ? { ...init, Request } : init);
  const call = client as unknown as Record<(typeof METHODS)[number] | "request", (...args: unknown[]) => unknown>;
  const raw: Record<string, unknown> = {
    ...client,
    use: (...added: Parameters<Client<paths>["use"]>) => {
      middleware = true;
      client.use(...added);
    },
    request: (method: unknown, url: unknown, init: CallInit) => call.request(method, url, real(init)),
  };
  for (const method of METHODS) raw[method] = (url: unknown, init: CallInit) => call[method](url, real(init));
  return raw as unknown as Client<paths>;
}
