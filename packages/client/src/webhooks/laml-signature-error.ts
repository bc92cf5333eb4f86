// A password in the URL (`https://user:secret@host/…`) is a credential: the error shows `***`.
const maskPassword = (url: string) => url.replace(/^([a-z][a-z\d+.-]*:\/\/[^/?#@:]*:)[^/?#@]*@/i, "$1***@");

/**
 * Thrown by `parseConferenceEvent` when the request's signature is missing or does not match.
 * It names the header read and the URL checked, never the Signing Key or the signature.
 */
export class LamlSignatureError extends Error {
  override readonly name = "LamlSignatureError";
  /** The header the signature was read from; `undefined` when the request had neither header. */
  declare readonly header: string | undefined;
  /** The URL the signature was checked against, any password in it masked. */
  declare readonly url: string;

  /** Builds the error for a request to `url` whose signature, read from `header`, did not verify. */
  constructor(header: string | undefined, url: string) {
    const shown = maskPassword(url);
    super(
      header === undefined
        ? `The request to ${shown} has no X-SignalWire-Signature or X-Twilio-Signature header, so it cannot be shown to come from SignalWire. If it did, check that no proxy in front of this server drops the header.`
        : `The ${header} header does not match the request to ${shown}. Check that this is the URL SignalWire requested, exactly as set in statusCallback, query string included: behind a proxy, load balancer or tunnel, pass { url } with the public URL. Check too that signingKey is the Signing Key of the project that owns the conference (API Credentials page), not an API token.`,
    );
    Object.assign(this, { header, url: shown });
  }
}
