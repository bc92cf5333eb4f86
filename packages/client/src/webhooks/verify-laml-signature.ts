import { assertSigningKey } from "./assert-signing-key.js";
import { constantTimeEqual } from "./constant-time-equal.js";
import { createHmacSha1 } from "./create-hmac-sha1.js";
import { queryOf } from "./query-of.js";
import { sha256Hex } from "./sha256-hex.js";
import type { SignatureParams } from "./signature-params.js";
import { signedText } from "./signed-text.js";
import { urlVariants } from "./url-variants.js";

/**
 * Whether `signature` (the `X-SignalWire-Signature` or `X-Twilio-Signature` header) is
 * SignalWire's signature of a request to `url` with these fields, keyed with the project's
 * Signing Key. `url` is the URL SignalWire requested, query string included; it is tried as
 * given and with the scheme's default port added or removed. `params` is the form fields, or
 * the raw body as a string: parsed as a form, unless `url` carries `bodySHA256` (a JSON body),
 * in which case the body's SHA-256 must equal it and the signature covers the URL alone.
 * A missing or empty signature is `false`; an unusable `signingKey` throws.
 */
export async function verifyLamlSignature(
  signingKey: string,
  signature: string | null | undefined,
  url: string,
  params: SignatureParams | string,
): Promise<boolean> {
  assertSigningKey(signingKey);
  if (typeof signature !== "string" || signature === "") return false;
  let fields: SignatureParams;
  if (typeof params !== "string") {
    fields = params;
  } else {
    const bodySha256 = queryOf(url).get("bodySHA256");
    if (bodySha256 === null) {
      fields = new URLSearchParams(params);
    } else {
      if (!constantTimeEqual(await sha256Hex(params), bodySha256.toLowerCase())) return false;
      fields = {};
    }
  }
  const sign = createHmacSha1(signingKey);
  let valid = false;
  // Every variant is signed and compared, so the time taken does not tell which one matched.
  for (const candidate of urlVariants(url)) {
    if (constantTimeEqual(await sign(signedText(candidate, fields)), signature)) valid = true;
  }
  return valid;
}
