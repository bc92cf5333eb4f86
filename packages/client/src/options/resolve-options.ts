import { LamlClientError } from "../errors/laml-client-error.js";
import { createObserver, type Observer } from "../observe/create-observer.js";
import { LOG_LEVELS, type LogLevel } from "../observe/hooks.js";
import { assertSid } from "./assert-sid.js";
import { maxRetriesOf, timeoutMsOf } from "./attempt-limits.js";
import { basicAuthorization } from "./basic-authorization.js";
import type { LamlClientOptions } from "./laml-client-options.js";
import { type ApiRoot, resolveApiRoot } from "./resolve-api-root.js";

/** The checked options. The token lives only inside `authorization`, which is never exposed. */
export interface ResolvedOptions extends ApiRoot {
  accountSid: string;
  authorization: string;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  timeoutMs: number;
  maxRetries: number;
  userAgent: string;
  /** Headers every request carries unless the call sets its own (`headers`, `withOptions()`). */
  headers: Headers | undefined;
  /** A signal every call follows, besides its own (`withOptions()`). */
  signal: AbortSignal | undefined;
  /** The hooks and logging, when any is set. */
  observer: Observer | undefined;
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

function required(value: string | undefined, option: string, ...variables: string[]): string {
  let found = value;
  for (const variable of variables) found ||= readEnv(variable);
  if (typeof found === "string" && found) return found;
  throw new LamlClientError(
    `Missing ${option}: pass { ${option} } to createLamlClient() or set ${variables.join(" or ")}.`,
  );
}

function logLevel(given: string | undefined): LogLevel {
  const level = (given ?? readEnv("LAML_LOG") ?? "off") as LogLevel;
  if (LOG_LEVELS.includes(level)) return level;
  throw new LamlClientError(
    `Invalid logLevel ${JSON.stringify(level)} (or LAML_LOG): expected ${LOG_LEVELS.join(", ")}.`,
  );
}

/** Checks the options and fills in defaults and environment variables; throws `LamlClientError` on misuse. */
export function resolveOptions(options: LamlClientOptions = {}): ResolvedOptions {
  const projectId = assertSid("projectId", required(options.projectId, "projectId", "SIGNALWIRE_PROJECT_ID"));
  const apiToken = required(options.apiToken, "apiToken", "SIGNALWIRE_API_TOKEN");
  return {
    ...resolveApiRoot(required(options.spaceUrl, "spaceUrl", "SIGNALWIRE_SPACE_URL", "SIGNALWIRE_SPACE")),
    accountSid: assertSid("accountSid", options.accountSid ?? projectId),
    authorization: basicAuthorization(projectId, apiToken),
    // The global fetch takes the URL and init as they are (a Request made first would be copied
    // again inside it); an injected one gets the Request its type promises. Called bare (a
    // browser's fetch refuses another `this`); the global is looked up per call.
    fetch: (url, init) => (options.fetch ? options.fetch(new Request(url, init)) : fetch(url, init)),
    timeoutMs: timeoutMsOf(options.timeoutMs, 30_000),
    maxRetries: maxRetriesOf(options.maxRetries, 2),
    userAgent: options.userAgent ?? `laml-client/${__LAML_CLIENT_VERSION__}`,
    headers: options.headers ? new Headers(options.headers) : undefined,
    signal: undefined,
    observer: createObserver(options, logLevel(options.logLevel), options.logger ?? console),
  };
}
