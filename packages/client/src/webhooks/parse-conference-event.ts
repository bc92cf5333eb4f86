import { assertSigningKey } from "./assert-signing-key.js";
import type { ConferenceEvent } from "./conference-event.js";
import { decodeConferenceEvent } from "./decode-conference-event.js";
import { LamlSignatureError } from "./laml-signature-error.js";
import { queryOf } from "./query-of.js";
import { verifyLamlSignature } from "./verify-laml-signature.js";

// SignalWire's header first; Twilio-compatible stacks send the same signature under the second.
const SIGNATURE_HEADERS = ["X-SignalWire-Signature", "X-Twilio-Signature"] as const;

/** Options of `parseConferenceEvent`. */
export interface ParseConferenceEventOptions {
  /** The Signing Key of the project that owns the conference (API Credentials page; not an API token). */
  signingKey: string;
  /**
   * The URL SignalWire requested, query string included, when `request.url` is not it: behind a
   * proxy, load balancer or tunnel, the public URL set as `statusCallback`.
   */
  url?: string;
}

/**
 * Verifies and parses a conference status callback. Reads the request's form body (once; or,
 * for `statusCallbackMethod="GET"`, its query string), checks `X-SignalWire-Signature` (or
 * `X-Twilio-Signature`) against `url` or `request.url`, and returns the fields under their wire
 * names, booleans and integers decoded. Throws `LamlSignatureError` when the signature is
 * missing or does not match.
 */
export async function parseConferenceEvent(
  request: Request,
  options: ParseConferenceEventOptions,
): Promise<ConferenceEvent> {
  assertSigningKey(options?.signingKey);
  const url = options.url ?? request.url;
  const header = SIGNATURE_HEADERS.find((name) => request.headers.has(name));
  if (header === undefined) throw new LamlSignatureError(undefined, url);
  if (request.bodyUsed) {
    throw new TypeError(
      "The request's body was already read: pass the Request to parseConferenceEvent before reading it, or pass request.clone().",
    );
  }
  // A GET callback carries its fields in the URL, which the signature covers as a whole.
  const isGet = request.method === "GET" || request.method === "HEAD";
  const form = isGet ? queryOf(url) : new URLSearchParams(await request.text());
  const valid = await verifyLamlSignature(options.signingKey, request.headers.get(header), url, isGet ? {} : form);
  if (!valid) throw new LamlSignatureError(header, url);
  return decodeConferenceEvent(form);
}
