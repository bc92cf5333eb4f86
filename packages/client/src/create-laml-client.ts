import type { paths } from "@laml/types";
import type { Client } from "openapi-fetch";
import { createLamlCore, type LamlCore } from "./create-laml-core.js";
import type { LamlClientOptions } from "./options/laml-client-options.js";
import type { RequestOptions } from "./options/request-options.js";
import { createParticipants } from "./resources/participants/create-participants.js";
import type { ParticipantsResource } from "./resources/participants/participants-resource.js";
import { createRawClient } from "./resources/raw/create-raw-client.js";

/** A client of one SignalWire space and project. It holds the API token out of sight: no property shows it. */
export interface LamlClient {
  /** List, page through, get, update and remove conference participants. */
  readonly participants: ParticipantsResource;
  /**
   * The underlying openapi-fetch client, with the same base URL, auth, retries and timeouts. Its
   * init also takes `timeoutMs` and `maxRetries` for that call.
   */
  readonly raw: Client<paths>;
  /** The `AccountSid` the client puts in paths, for `raw` calls. */
  readonly accountSid: string;
  /**
   * A client sharing everything with this one (credentials, fetch, hooks, logging) but these
   * defaults for every call; a call's own options still win.
   */
  withOptions(options: RequestOptions): LamlClient;
}

function clientOf(core: LamlCore): LamlClient {
  return {
    participants: createParticipants(core),
    raw: createRawClient(core),
    accountSid: core.accountSid,
    withOptions: (options) => clientOf(core.withOptions(options)),
  };
}

/** Creates a client with every resource; throws `LamlClientError` at once when an option is missing or invalid. */
export function createLamlClient(options?: LamlClientOptions): LamlClient {
  return clientOf(createLamlCore(options));
}
