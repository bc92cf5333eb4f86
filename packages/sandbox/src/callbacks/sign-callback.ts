import { createHmac } from "node:crypto";

/**
 * The `X-SignalWire-Signature` of a callback, as the spec's webhook description defines it: the
 * base64 HMAC-SHA1, keyed with the project's Signing Key, of the full URL followed by each form
 * field's name and value, sorted by name. Written apart from `@laml/client/webhooks` (with
 * `node:crypto`) so that the tests can check the two against each other.
 */
export function signCallback(signingKey: string, url: string, fields: readonly (readonly [string, string])[]): string {
  const sorted = [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hmac = createHmac("sha1", signingKey).update(url, "utf8");
  for (const [name, value] of sorted) hmac.update(name + value, "utf8");
  return hmac.digest("base64");
}
