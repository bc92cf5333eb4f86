import type { paths } from "@laml/types";
import createClient, { type Client } from "openapi-fetch";
import type { LamlCore } from "../../create-laml-core.js";
import { serializeForm } from "../../fetch/serialize-form.js";
import type { RequestOptions } from "../../options/request-options.js";

/** `withRaw(laml).raw`: an openapi-fetch client of every path of the spec, sending through the core's policy. */
export function createRawClient({ apiRoot, send }: LamlCore): Client<paths> {
  return createClient<paths>({
    baseUrl: apiRoot,
    // openapi-fetch hands over a Request; the wrapper sends its parts under the same policy.
    // openapi-fetch copies the init's own keys onto it, `timeoutMs` and `maxRetries` among them.
    fetch: async (request: Request & Pick<RequestOptions, "timeoutMs" | "maxRetries">) =>
      send(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body && (await request.text()),
        signal: request.signal,
        timeoutMs: request.timeoutMs,
        maxRetries: request.maxRetries,
      }),
    bodySerializer: serializeForm,
  });
}
