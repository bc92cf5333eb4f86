import type { paths } from "@laml/types";
import createClient, { type Client } from "openapi-fetch";
import { createLamlFetch } from "./create-laml-fetch.js";
import { createParticipants } from "./create-participants.js";
import type { LamlClientOptions } from "./laml-client-options.js";
import type { ParticipantsResource } from "./participants-resource.js";
import { resolveOptions } from "./resolve-options.js";
import { serializeForm } from "./serialize-form.js";

/** A client of one SignalWire space and project. It holds the API token out of sight: no property shows it. */
export interface LamlClient {
  /** List, page through, get, update and remove conference participants. */
  readonly participants: ParticipantsResource;
  /** The underlying openapi-fetch client, with the same base URL, auth, retries and timeouts. */
  readonly raw: Client<paths>;
  /** The `AccountSid` the client puts in paths, for `raw` calls. */
  readonly accountSid: string;
}

/** Creates a client; throws `LamlClientError` at once when an option is missing or invalid. */
export function createLamlClient(options?: LamlClientOptions): LamlClient {
  const resolved = resolveOptions(options);
  const send = createLamlFetch(resolved);
  const raw = createClient<paths>({
    baseUrl: resolved.apiRoot,
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
  return {
    participants: createParticipants(send, resolved),
    raw,
    accountSid: resolved.accountSid,
  };
}
