/** Options of `createLamlClient()`; `spaceUrl`, `projectId` and `apiToken` fall back to the environment. */
export interface LamlClientOptions {
  /** Your space: `example.signalwire.com`, `https://example.signalwire.com`, or `http://127.0.0.1:4010` for a local server. Default: `SIGNALWIRE_SPACE_URL`. */
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
}
