import { createLamlCore, type LamlCore } from "./create-laml-core.js";
import type { LamlClientOptions } from "./options/laml-client-options.js";
import type { RequestOptions } from "./options/request-options.js";
import { createParticipants } from "./resources/participants/create-participants.js";
import type { ParticipantsResource } from "./resources/participants/participants-resource.js";

/** A client of one SignalWire space and project. It holds the API token out of sight: no property shows it. */
export interface LamlClient {
  /** List, page through, get, update and remove conference participants. */
  readonly participants: ParticipantsResource;
  /** The `AccountSid` the client puts in paths, for `withRaw(laml).raw` calls. */
  readonly accountSid: string;
  /**
   * What the client's resources are built from (it shows no credentials): `withRaw(laml)` builds
   * `raw` from it, and `createParticipants(laml.core)` and `createRawClient(laml.core)` build
   * the resources anew.
   */
  readonly core: LamlCore;
  /**
   * A client sharing everything with this one (credentials, fetch, hooks, logging) but these
   * defaults for every call; a call's own options still win.
   */
  withOptions(options: RequestOptions): LamlClient;
}

function clientOf(core: LamlCore): LamlClient {
  return {
    participants: createParticipants(core),
    accountSid: core.accountSid,
    core,
    withOptions: (options) => clientOf(core.withOptions(options)),
  };
}

/**
 * Creates a client with `participants`; `withRaw(laml)` adds the openapi-fetch client and
 * `withBulk(laml)` (`@laml/client/bulk`) the bulk methods. Throws `LamlClientError` at once when an option
 * is missing or invalid.
 */
export function createLamlClient(options?: LamlClientOptions): LamlClient {
  return clientOf(createLamlCore(options));
}
