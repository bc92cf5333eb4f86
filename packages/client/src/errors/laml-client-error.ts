/**
 * Thrown for a problem found on the client's side, before or instead of a request: a missing or
 * invalid option, an unsafe SID, a URL outside the configured origin, a server paging in a loop.
 */
export class LamlClientError extends Error {
  override readonly name = "LamlClientError";
}
