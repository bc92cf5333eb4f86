import { createHash, createHmac } from "node:crypto";

/**
 * SignalWire's signing scheme written again with node:crypto, independently of the Web Crypto
 * code under test: base64 HMAC-SHA1 over the URL and the name/value pairs sorted by the UTF-8
 * bytes of their names (stable).
 */
export function referenceSignature(key: string, url: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  const sorted = pairs
    .map((pair, index) => ({ pair, index }))
    .sort(
      (a, b) => Buffer.compare(Buffer.from(a.pair[0], "utf8"), Buffer.from(b.pair[0], "utf8")) || a.index - b.index,
    );
  const hmac = createHmac("sha1", Buffer.from(key, "utf8"));
  hmac.update(url, "utf8");
  for (const { pair } of sorted) hmac.update(pair[0] + pair[1], "utf8");
  return hmac.digest("base64");
}

/** The SHA-256 of a body in hex, for the `bodySHA256` query parameter. */
export const referenceBodySha256 = (body: string) => createHash("sha256").update(body, "utf8").digest("hex");

/** A small seeded generator (mulberry32), so that a failing random case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
