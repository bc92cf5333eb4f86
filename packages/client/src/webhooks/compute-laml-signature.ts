import { assertSigningKey } from "./assert-signing-key.js";
import { createHmacSha1 } from "./create-hmac-sha1.js";
import type { SignatureParams } from "./signature-params.js";
import { signedText } from "./signed-text.js";

/**
 * The signature SignalWire sends in `X-SignalWire-Signature` for a request to `url` with these
 * form fields: base64 of HMAC-SHA1, keyed with the project's Signing Key, over the URL followed
 * by every field's name and value sorted by name. For tests and for signing requests yourself.
 */
export async function computeLamlSignature(signingKey: string, url: string, params: SignatureParams): Promise<string> {
  assertSigningKey(signingKey);
  return createHmacSha1(signingKey)(signedText(url, params));
}
