import { createLamlFetch, type LamlFetch } from "./fetch/create-laml-fetch.js";
import type { LamlClientOptions } from "./options/laml-client-options.js";
import type { RequestOptions } from "./options/request-options.js";
import { type ResolvedOptions, resolveOptions } from "./options/resolve-options.js";
import { withDefaults } from "./options/with-defaults.js";

/**
 * What every resource is built from: where requests go and the one fetch wrapper they leave
 * through. It holds the API token out of sight, inside `send`: no property shows it.
 */
export interface LamlCore {
  /** The `AccountSid` the client puts in paths. */
  readonly accountSid: string;
  /** The origin credentials are bound to, e.g. `https://example.signalwire.com`. */
  readonly origin: string;
  /** The API root under the origin, where the spec's paths start. */
  readonly apiRoot: string;
  /** Sends one request under the client's policy: origin check, auth, timeouts and retries. */
  readonly send: LamlFetch;
  /** A core sharing everything with this one but these defaults for every call. */
  withOptions(options: RequestOptions): LamlCore;
}

function coreOf(resolved: ResolvedOptions): LamlCore {
  const { accountSid, origin, apiRoot } = resolved;
  return {
    accountSid,
    origin,
    apiRoot,
    send: createLamlFetch(resolved),
    withOptions: (options) => coreOf(withDefaults(resolved, options)),
  };
}

/**
 * Checks the options and builds the core without any resource: for a program that builds only
 * the resources it uses (`createParticipants(core)`, `createRawClient(core)`), so that the others
 * stay out of its bundle. Throws `LamlClientError` at once when an option is missing or invalid.
 */
export function createLamlCore(options?: LamlClientOptions): LamlCore {
  return coreOf(resolveOptions(options));
}
