import { describe, expect, test } from "vitest";
import { computeLamlSignature, verifyLamlSignature } from "../../src/webhooks/index.js";
import { referenceBodySha256, referenceSignature, seededRandom } from "./reference-signature.js";

// Twilio's published worked examples (token, URL, fields, signature): SignalWire signs the same
// way with the Signing Key. The first is from Twilio's security docs, the second from
// twilio-php's validation guide.
const TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const twilioFields = (phone: string) => ({
  CallSid: "CA1234567890ABCDE",
  Caller: phone,
  Digits: "1234",
  From: phone,
  To: "+18005551212",
});
const TWILIO_EXAMPLE = { fields: twilioFields("+12349013030"), signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=" };
const TWILIO_EXAMPLES = [
  TWILIO_EXAMPLE,
  { fields: twilioFields("+14158675309"), signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=" },
];

const random = seededRandom(0x1a3c5e7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const CHARACTERS = [..."abcXYZ019 _-.~+&=%?#/:@!*'(),;éßøЖ日本語€\u00a0\uffef😀𝄞"];
const text = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => pick(CHARACTERS)).join("");
const NAMES = [
  "CallSid",
  "callSid",
  "Muted",
  "muted",
  "A",
  "a",
  "Z",
  "_x",
  "Ärger",
  "名前",
  "\uffef",
  "😀",
  "StatusCallbackEvent",
];

interface Case {
  url: string;
  /** The same URL with the default port toggled, and whether that is still the same URL. */
  toggled: { url: string; same: boolean };
  pairs: Array<[string, string]>;
}

function randomCase(): Case {
  const scheme = pick(["https", "http"]);
  const host = pick(["example.com", "hooks.example.org", "127.0.0.1", "[::1]", "user:secret@example.com"]);
  const port = pick(["", "", ":443", ":80", ":8443"]);
  const rest =
    pick(["", "/", "/conference-events", "/a/b%20c/ü"]) + pick(["", "", "?foo=1&bar=2", "?n=R%C3%A9union&x"]);
  const standard = scheme === "https" ? ":443" : ":80";
  const origin = `${scheme}://${host}`;
  const toggled =
    port === "" ? { url: origin + standard + rest, same: true } : { url: origin + rest, same: port === standard };
  const pairs: Array<[string, string]> = Array.from({ length: Math.floor(random() * 8) }, () => [
    random() < 0.8 ? pick(NAMES) : text(6) || "n",
    text(12),
  ]);
  return { url: origin + port + rest, toggled, pairs };
}

/** The pairs as the plain object the API takes: a repeated name becomes an array, in order. */
function asObject(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const existing = object[name];
    object[name] = existing === undefined ? value : [...(typeof existing === "string" ? [existing] : existing), value];
  }
  return object;
}

/** The same pairs grouped by name (as the object form sends them), for the reference. */
const grouped = (pairs: ReadonlyArray<readonly [string, string]>) =>
  Object.entries(asObject(pairs)).flatMap(([name, value]) =>
    (typeof value === "string" ? [value] : value).map((one) => [name, one] as [string, string]),
  );

const CASES = Array.from({ length: 300 }, randomCase);
const KEY = "PSKtest-signing-key-0123456789";

describe("computeLamlSignature", () => {
  test.each(TWILIO_EXAMPLES)("matches Twilio's published example $signature", async ({ fields, signature }) => {
    expect(await computeLamlSignature("12345", TWILIO_URL, fields)).toBe(signature);
  });

  test("matches node:crypto over 300 random URLs and field sets, as an object and as URLSearchParams", async () => {
    for (const { url, pairs } of CASES) {
      expect(await computeLamlSignature(KEY, url, new URLSearchParams(pairs)), url).toBe(
        referenceSignature(KEY, url, pairs),
      );
      expect(await computeLamlSignature(KEY, url, asObject(pairs)), url).toBe(
        referenceSignature(KEY, url, grouped(pairs)),
      );
    }
  });

  test("keeps a repeated field's values in the order sent, after sorting by name", async () => {
    const params = new URLSearchParams([
      ["b", "2"],
      ["a", "z"],
      ["b", "1"],
      ["a", "y"],
    ]);
    const expected = referenceSignature(KEY, "https://example.com/", [
      ["a", "z"],
      ["a", "y"],
      ["b", "2"],
      ["b", "1"],
    ]);
    expect(await computeLamlSignature(KEY, "https://example.com/", params)).toBe(expected);
    expect(await computeLamlSignature(KEY, "https://example.com/", { b: ["2", "1"], a: ["z", "y"] })).toBe(expected);
  });

  test("sorts names by code point, case-sensitively (uppercase first)", async () => {
    const pairs: Array<[string, string]> = [
      ["\uffef", "1"],
      ["😀", "2"],
      ["a", "3"],
      ["B", "4"],
    ];
    const signed = `https://example.com/B4a3\uffef1😀2`;
    expect(await computeLamlSignature(KEY, "https://example.com/", new URLSearchParams(pairs))).toBe(
      referenceSignature(KEY, signed, []),
    );
  });

  test("with a non-ASCII key signs its UTF-8 bytes", async () => {
    const key = "clé-😀";
    expect(await computeLamlSignature(key, TWILIO_URL, TWILIO_EXAMPLE.fields)).toBe(
      referenceSignature(key, TWILIO_URL, Object.entries(TWILIO_EXAMPLE.fields)),
    );
  });
});

describe("verifyLamlSignature", () => {
  test.each(TWILIO_EXAMPLES)("accepts Twilio's published example $signature", async ({ fields, signature }) => {
    expect(await verifyLamlSignature("12345", signature, TWILIO_URL, fields)).toBe(true);
  });

  test("accepts the URL with the default port when the signature was made without it, and the reverse", async () => {
    const { signature, fields } = TWILIO_EXAMPLE;
    expect(
      await verifyLamlSignature("12345", signature, "https://mycompany.com:443/myapp.php?foo=1&bar=2", fields),
    ).toBe(true);
    const withPort = "http://example.com:80/cb?x=1";
    const signedWithPort = referenceSignature(KEY, withPort, [["Muted", "true"]]);
    expect(await verifyLamlSignature(KEY, signedWithPort, "http://example.com/cb?x=1", { Muted: "true" })).toBe(true);
    expect(await verifyLamlSignature(KEY, signedWithPort, withPort, { Muted: "true" })).toBe(true);
  });

  test("does not treat another port, or the other scheme's default, as the same URL", async () => {
    const signature = referenceSignature(KEY, "https://example.com:8443/cb", []);
    expect(await verifyLamlSignature(KEY, signature, "https://example.com/cb", {})).toBe(false);
    const on80 = referenceSignature(KEY, "https://example.com:80/cb", []);
    expect(await verifyLamlSignature(KEY, on80, "https://example.com/cb", {})).toBe(false);
  });

  test("accepts every random case, with or without the default port, and as the raw form body", async () => {
    for (const { url, toggled, pairs } of CASES) {
      const signature = referenceSignature(KEY, url, pairs);
      expect(await verifyLamlSignature(KEY, signature, url, new URLSearchParams(pairs)), url).toBe(true);
      expect(await verifyLamlSignature(KEY, signature, url, new URLSearchParams(pairs).toString()), url).toBe(true);
      expect(await verifyLamlSignature(KEY, signature, toggled.url, new URLSearchParams(pairs)), toggled.url).toBe(
        toggled.same,
      );
    }
  });

  test("rejects a one-character change anywhere: the URL, a name, a value or the signature", async () => {
    const CHANGES = ["x", "1", "é", "%", " "];
    const change = (value: string) => {
      const at = Math.floor(random() * (value.length + 1));
      const kind = value.length === 0 ? "insert" : pick(["replace", "insert", "delete"] as const);
      if (kind === "insert") return value.slice(0, at) + pick(CHANGES) + value.slice(at);
      const index = Math.min(at, value.length - 1);
      if (kind === "delete") return value.slice(0, index) + value.slice(index + 1);
      const replacement = CHANGES.find((c) => c !== value[index]) as string;
      return value.slice(0, index) + replacement + value.slice(index + 1);
    };
    let checked = 0;
    for (const { url, pairs } of CASES.slice(0, 120)) {
      if (pairs.length === 0) continue;
      const signature = referenceSignature(KEY, url, pairs);
      const i = Math.floor(random() * pairs.length);
      const [name, value] = pairs[i] as [string, string];
      const withName = pairs.map((pair, j) => (j === i ? ([change(name), value] as [string, string]) : pair));
      const withValue = pairs.map((pair, j) => (j === i ? ([name, change(value)] as [string, string]) : pair));
      const changedUrl = change(url);
      const changedSignature = change(signature);
      const verify = (s: string, u: string, p: Array<[string, string]>) =>
        verifyLamlSignature(KEY, s, u, new URLSearchParams(p));
      expect(await verify(signature, url, pairs)).toBe(true);
      expect(await verify(signature, changedUrl, pairs), `url ${changedUrl}`).toBe(false);
      expect(await verify(signature, url, withName), `name ${withName[i]?.[0]}`).toBe(false);
      expect(await verify(signature, url, withValue), `value ${withValue[i]?.[1]}`).toBe(false);
      expect(await verify(changedSignature, url, pairs), `signature ${changedSignature}`).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
  });

  test("rejects a missing, empty or other key's signature", async () => {
    const { fields, signature } = TWILIO_EXAMPLE;
    expect(await verifyLamlSignature("12345", null, TWILIO_URL, fields)).toBe(false);
    expect(await verifyLamlSignature("12345", undefined, TWILIO_URL, fields)).toBe(false);
    expect(await verifyLamlSignature("12345", "", TWILIO_URL, fields)).toBe(false);
    expect(await verifyLamlSignature("123456", signature, TWILIO_URL, fields)).toBe(false);
  });

  describe("the bodySHA256 form, for JSON bodies", () => {
    const body = '{"ConferenceSid":"8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c","Muted":true,"Name":"Réunion"}';
    const url = `https://example.com/events?bodySHA256=${referenceBodySha256(body)}`;
    const signature = referenceSignature(KEY, url, []);

    test("accepts the body whose SHA-256 the URL carries, the signature covering the URL alone", async () => {
      expect(await verifyLamlSignature(KEY, signature, url, body)).toBe(true);
      expect(await verifyLamlSignature(KEY, signature, url.replace("example.com", "example.com:443"), body)).toBe(true);
    });

    test("rejects a changed body, a changed hash or a signature over the body too", async () => {
      expect(await verifyLamlSignature(KEY, signature, url, body.replace("true", "false"))).toBe(false);
      const otherHash = url.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
      expect(await verifyLamlSignature(KEY, referenceSignature(KEY, otherHash, []), otherHash, body)).toBe(false);
      expect(await verifyLamlSignature(KEY, referenceSignature(KEY, url + body, []), url, body)).toBe(false);
    });
  });
});
