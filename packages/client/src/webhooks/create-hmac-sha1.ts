const encoder = new TextEncoder();

/**
 * Returns a function that signs text with HMAC-SHA1 keyed with `key` (both UTF-8) and answers
 * its base64. Web Crypto only, so it runs on Node 20, Bun, Deno, browsers and edge workers; the
 * key is imported once per call of this function and never kept as text.
 */
export function createHmacSha1(key: string): (text: string) => Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new TypeError(
      "Web Crypto (globalThis.crypto.subtle) is not available here: verifying signatures needs Node 20 or later, Bun, Deno, a browser on https or an edge runtime.",
    );
  }
  const cryptoKey = subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  return async (text) => {
    const mac = new Uint8Array(await subtle.sign("HMAC", await cryptoKey, encoder.encode(text)));
    return btoa(String.fromCharCode(...mac));
  };
}
