import { LamlClientError } from "../errors/laml-client-error.js";
import { assertSid } from "./assert-sid.js";
import { basicAuthorization } from "./basic-authorization.js";
import type { LamlClientOptions } from "./laml-client-options.js";
import { type ApiRoot, resolveApiRoot } from "./resolve-api-root.js";
import { wholeNumber } from "./whole-number.js";

/** The checked options. The token lives only inside `authorization`, which is never exposed. */
export interface ResolvedOptions extends ApiRoot {
  accountSid: string;
  authorization: string;
  fetch: (url: URL, init: RequestInit) => Promise<Response>;
  timeoutMs: number;
  maxRetries: number;
  userAgent: string;
}

// Read only where an environment exists (Node, Bun, Deno with --allow-env); a browser has none
// and Deno without the permission throws, which counts as "not set".
function readEnv(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  } catch {
    return undefined;
  }
}

function required(value: string | undefined, option: string, variable: string): string {
  const found = value || readEnv(variable);
  if (typeof found === "string" && found) return found;
  throw new LamlClientError(`Missing ${option}: pass { ${option} } to createLamlClient() or set ${variable}.`);
}

/** Checks the options and fills in defaults and environment variables; throws `LamlClientError` on misuse. */
export function resolveOptions(options: LamlClientOptions = {}): ResolvedOptions {
  const projectId = assertSid("projectId", required(options.projectId, "projectId", "SIGNALWIRE_PROJECT_ID"));
  const apiToken = required(options.apiToken, "apiToken", "SIGNALWIRE_API_TOKEN");
  return {
    ...resolveApiRoot(required(options.spaceUrl, "spaceUrl", "SIGNALWIRE_SPACE_URL")),
    accountSid: assertSid("accountSid", options.accountSid ?? projectId),
    authorization: basicAuthorization(projectId, apiToken),
    // The global fetch takes the URL and init as they are (a Request made first would be copied
    // again inside it); an injected one gets the Request its type promises. Called bare (a
    // browser's fetch refuses another `this`); the global is looked up per call.
    fetch: (url, init) => (options.fetch ? options.fetch(new Request(url, init)) : fetch(url, init)),
    // setTimeout fires at once beyond 2^31 - 1 ms, so that is the ceiling.
    timeoutMs: wholeNumber(options.timeoutMs, "timeoutMs", 30_000, 1, 2 ** 31 - 1),
    maxRetries: wholeNumber(options.maxRetries, "maxRetries", 2, 0, 10),
    userAgent: options.userAgent ?? `laml-client/${__LAML_CLIENT_VERSION__}`,
  };
}
