import type { SignatureParams } from "./signature-params.js";

// Code point order, which is the byte order of UTF-8: the "Unix-style" sort Twilio describes.
// JavaScript's default sort compares UTF-16 code units, which differs beyond U+FFFF.
function byCodePoint(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * The text SignalWire signs: the URL, then each field's name followed by its value, sorted by
 * name, with no separators. The sort is stable, so a repeated field's values keep the order
 * they were sent in (SignalWire's own validators do the same; twilio-node sorts and
 * de-duplicates them instead, which only differs for repeated fields, and callbacks have none).
 */
export function signedText(url: string, params: SignatureParams): string {
  const pairs: Array<readonly [string, string]> = [];
  if (params instanceof URLSearchParams) {
    for (const pair of params) pairs.push(pair);
  } else {
    for (const [name, value] of Object.entries(params)) {
      for (const one of typeof value === "string" ? [value] : value) pairs.push([name, one]);
    }
  }
  pairs.sort(([a], [b]) => byCodePoint(a, b));
  return pairs.reduce((text, [name, value]) => text + name + value, url);
}
