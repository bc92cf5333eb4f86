/**
 * What a single call can set for itself, overriding the client's defaults (`createLamlClient`'s
 * options, or `laml.withOptions()`): every resource method's last argument, and `withRaw(laml).raw`'s init.
 */
export interface RequestOptions {
  /**
   * Cancels the call, retries and waits included; the promise rejects with the signal's reason.
   * A signal given to `withOptions()` and one given to the call both apply: either one aborts it.
   */
  signal?: AbortSignal;
  /** How long one attempt may take, headers and body, in milliseconds (1 to 2147483647). */
  timeoutMs?: number;
  /** How many times a failed request is sent again (0 to 10; see "Retries" in the README). */
  maxRetries?: number;
  /** Extra request headers, e.g. a tracing header. `Authorization` and `User-Agent` are the client's. */
  headers?: HeadersInit;
}
