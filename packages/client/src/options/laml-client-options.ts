import type { LamlHooks, LamlLogger, LogLevel } from "../observe/hooks.js";

/** Options of `createLamlClient()`; `spaceUrl`, `projectId` and `apiToken` fall back to the environment. */
export interface LamlClientOptions extends LamlHooks {
  /** Your space: `example.signalwire.com`, `https://example.signalwire.com`, or `http://127.0.0.1:4010` for a local server. Default: `SIGNALWIRE_SPACE_URL`, then `SIGNALWIRE_SPACE`. */
  spaceUrl?: string;
  /** Your Project ID, the Basic auth user name. Default: `SIGNALWIRE_PROJECT_ID`. */
  projectId?: string;
  /** An API token with the Voice scope, the Basic auth password. Default: `SIGNALWIRE_API_TOKEN`. */
  apiToken?: string;
  /** The `AccountSid` in every path. Default: `projectId`, which is the same thing at SignalWire. */
  accountSid?: string;
  /** The `fetch` to send requests with. Default: the global `fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** How long one attempt may take, headers and body, in milliseconds. Default: 30 000. */
  timeoutMs?: number;
  /** How many times a failed request is sent again (see "Retries" in the README). Default: 2. */
  maxRetries?: number;
  /** The `User-Agent` header (browsers ignore it). Default: `laml-client/<version>`. */
  userAgent?: string;
  /** Extra headers for every request, e.g. a tracing header; a call's own `headers` win. */
  headers?: HeadersInit;
  /** How much to log (see "Logging" in the README). Default: `LAML_LOG`, else `off`. */
  logLevel?: LogLevel;
  /** Where log lines go. Default: the global `console`. */
  logger?: LamlLogger;
}
