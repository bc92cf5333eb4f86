import type { paths } from "@laml/types";
import createClient, { type Client } from "openapi-fetch";
import type { LamlCore } from "../../create-laml-core.js";
import { serializeForm } from "../../fetch/serialize-form.js";

/** `laml.raw`: an openapi-fetch client of every path of the spec, sending through the core's policy. */
export function createRawClient({ apiRoot, send }: LamlCore): Client<paths> {
  return createClient<paths>({
    baseUrl: apiRoot,
    // openapi-fetch hands over a Request; the wrapper sends its parts under the same policy.
    fetch: async (request) =>
      send(new URL(request.url), {
        method: request.method,
        headers: request.headers,
        body: request.body && (await request.text()),
        signal: request.signal,
      }),
    bodySerializer: serializeForm,
  });
}
