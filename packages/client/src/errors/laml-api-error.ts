import type { LamlErrorBody } from "@laml/types";

// What to check next, by status: the API's own message says what failed, not what to do.
const HINTS: Record<number, string> = {
  401: " Check projectId, apiToken and its Voice scope.",
  404: " Check the SIDs and accountSid.",
};

/** The API answered with a status outside 2xx; `message` has its words, the method and the path. */
export class LamlApiError extends Error {
  override readonly name = "LamlApiError";
  /** The HTTP status, e.g. `404`. */
  declare readonly status: number;
  /** SignalWire's error code, e.g. `20404`, when the body had one. */
  declare readonly code: number | undefined;
  /** The link to the documentation of `code`, when the body had one. */
  declare readonly moreInfo: string | undefined;
  /** The HTTP method of the failed request. */
  declare readonly method: string;
  /** The path and query of the failed request (never credentials: those travel in a header). */
  declare readonly path: string;
  /** The answer's headers: rate-limit headers, when the API sent them, are read here. */
  declare readonly headers: Headers;
  /**
   * The API's id of the request, for a support ticket, when the answer had a request-id header:
   * Twilio's documented `Twilio-Request-Id`, else the common `X-Request-Id`. SignalWire documents
   * neither, so it may be undefined.
   */
  declare readonly requestId: string | undefined;
  /** The body as parsed: normally a `LamlErrorBody`; the text when it was not JSON; `""` or `undefined` when empty. */
  declare readonly body: unknown;

  /** Builds the error from a failed response and its body as openapi-fetch parsed it. */
  constructor(method: string, response: Response, body: unknown) {
    const laml: Partial<LamlErrorBody> = body && typeof body === "object" ? body : {};
    const { status } = response;
    // Some LaML errors send `code` as a numeric string; none is 0, and NaN means there was none.
    const code = parseInt(`${laml.code}`, 10) || undefined;
    // A custom fetch may answer without a URL; the path is then "/".
    const url = new URL(response.url, "x:/");
    const path = url.pathname + url.search;
    // A proxy's HTML page, other JSON or an empty body still gives a readable line: tags
    // stripped, at most 200 characters, else the status text.
    const text = typeof body === "string" ? body.replace(/(<[^>]*>|\s)+/g, " ").trim() : JSON.stringify(body);
    const said = (laml.message ?? text?.slice(0, 200)) || response.statusText;
    super(
      `HTTP ${status}${code === undefined ? "" : `, code ${code}`}${said ? `: ${said}` : ""} (${method} ${path}).${HINTS[status] ?? ""}`,
    );
    const { headers } = response;
    const requestId = headers.get("Twilio-Request-Id") ?? headers.get("X-Request-Id") ?? undefined;
    Object.assign(this, { status, code, moreInfo: laml.more_info, method, path, headers, requestId, body });
  }
}
