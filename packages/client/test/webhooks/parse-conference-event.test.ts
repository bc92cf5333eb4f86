import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { type ConferenceEvent, LamlSignatureError, parseConferenceEvent } from "../../src/webhooks/index.js";
import { referenceSignature } from "./reference-signature.js";

const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@laml/spec/openapi.json"), "utf8"));
const form = spec.webhooks.conferenceStatusCallback.post.requestBody.content["application/x-www-form-urlencoded"];
const properties: Record<string, { type?: string }> = form.schema.properties;
const EXAMPLES = Object.entries<{ value: Record<string, unknown> }>(form.examples);
/** The value of one of the spec's callback examples, by its name. */
const example = (name: string): Record<string, unknown> => form.examples[name].value;

const SIGNING_KEY = "PSKdo-not-leak-3f9a7c1e5b";
const URL_ = "https://hooks.example.com/conference-events?tenant=t1";

/** The form SignalWire would send for these fields: every value as text, booleans in a given spelling. */
function encode(fields: Record<string, unknown>, spell = (b: boolean) => `${b}`): Array<[string, string]> {
  return Object.entries(fields).map(([name, value]) => [name, typeof value === "boolean" ? spell(value) : `${value}`]);
}

function signedRequest(
  pairs: Array<[string, string]>,
  options: { url?: string; signedUrl?: string; header?: string; key?: string } = {},
): Request {
  const { url = URL_, header = "X-SignalWire-Signature", key = SIGNING_KEY } = options;
  const signedUrl = options.signedUrl ?? url;
  return new Request(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      [header]: referenceSignature(key, signedUrl, pairs),
    },
    body: new URLSearchParams(pairs),
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe("parseConferenceEvent", () => {
  const SPELLINGS = [
    (b: boolean) => `${b}`,
    (b: boolean) => (b ? "True" : "False"),
    (b: boolean) => (b ? "TRUE" : "FALSE"),
  ];

  test.each(EXAMPLES)(
    "returns the spec's %s example from its signed form, whatever the booleans' case",
    async (_, e) => {
      for (const spell of SPELLINGS) {
        const event: ConferenceEvent = await parseConferenceEvent(signedRequest(encode(e.value, spell)), {
          signingKey: SIGNING_KEY,
        });
        expect(event).toEqual(e.value);
      }
    },
  );

  test("decodes exactly the fields the spec types as boolean or integer, and keeps the rest as sent", async () => {
    const pairs: Array<[string, string]> = Object.entries(properties).map(([name, schema]) => [
      name,
      schema.type === "boolean" ? "TRUE" : schema.type === "integer" ? "42" : "TRUE",
    ]);
    const event = await parseConferenceEvent(signedRequest(pairs), { signingKey: SIGNING_KEY });
    for (const [name, schema] of Object.entries(properties)) {
      const expected = schema.type === "boolean" ? true : schema.type === "integer" ? 42 : "TRUE";
      expect(event[name], name).toBe(expected);
    }
  });

  test("keeps fields the spec does not know, as text", async () => {
    const pairs: Array<[string, string]> = [
      ...encode(example("conferenceStart")),
      ["ReasonParticipantLeft", "participant_hung_up"],
      ["SequenceNumber", "3"],
      ["__proto__", "kept"],
    ];
    const event = await parseConferenceEvent(signedRequest(pairs), { signingKey: SIGNING_KEY });
    expect(event.ReasonParticipantLeft).toBe("participant_hung_up");
    expect(event.SequenceNumber).toBe("3");
    expect(Object.hasOwn(event, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
  });

  test("leaves out a typed field sent empty, and explains a value that is not its type", async () => {
    const base = encode({
      AccountSid: "a",
      ConferenceSid: "c",
      StatusCallbackEvent: "participant-mute",
      Timestamp: "t",
    });
    const empty = await parseConferenceEvent(signedRequest([...base, ["Muted", ""]]), { signingKey: SIGNING_KEY });
    expect(empty).not.toHaveProperty("Muted");
    const error = await rejection(
      parseConferenceEvent(signedRequest([...base, ["Hold", "yes"]]), { signingKey: SIGNING_KEY }),
    );
    expect(error.message).toContain(`Hold is "yes", which is not the boolean`);
  });

  test("accepts the signature in X-Twilio-Signature too", async () => {
    const pairs = encode(example("conferenceStart"));
    const event = await parseConferenceEvent(signedRequest(pairs, { header: "X-Twilio-Signature" }), {
      signingKey: SIGNING_KEY,
    });
    expect(event.ConferenceSid).toBe(example("conferenceStart").ConferenceSid);
  });

  test("checks `url` instead of request.url, for a server behind a proxy", async () => {
    const pairs = encode(example("conferenceStart"));
    const behindProxy = { url: "http://127.0.0.1:3000/conference-events?tenant=t1", signedUrl: URL_ };
    const error = await rejection(parseConferenceEvent(signedRequest(pairs, behindProxy), { signingKey: SIGNING_KEY }));
    expect(error).toBeInstanceOf(LamlSignatureError);
    expect(error.message).toContain("http://127.0.0.1:3000/conference-events?tenant=t1");
    const event = await parseConferenceEvent(signedRequest(pairs, behindProxy), { signingKey: SIGNING_KEY, url: URL_ });
    expect(event.StatusCallbackEvent).toBe(example("conferenceStart").StatusCallbackEvent);
  });

  test("reads a GET callback's fields from its query string, which the signature covers", async () => {
    const query = new URLSearchParams(encode(example("participantJoin")));
    const url = `https://hooks.example.com/events?${query}`;
    const request = new Request(url, {
      headers: { "X-SignalWire-Signature": referenceSignature(SIGNING_KEY, url, []) },
    });
    expect(await parseConferenceEvent(request, { signingKey: SIGNING_KEY })).toEqual(example("participantJoin"));
  });

  test("reads the body once, and says so when it was already read", async () => {
    const request = signedRequest(encode(example("conferenceStart")));
    await parseConferenceEvent(request, { signingKey: SIGNING_KEY });
    expect(request.bodyUsed).toBe(true);
    const error = await rejection(parseConferenceEvent(request, { signingKey: SIGNING_KEY }));
    expect(error.message).toContain("already read");
  });
});

describe("LamlSignatureError", () => {
  const pairs = encode(example("participantMute"));

  test("for a missing signature names both headers and the URL", async () => {
    const request = new Request(URL_, { method: "POST", body: new URLSearchParams(pairs) });
    const error = (await rejection(parseConferenceEvent(request, { signingKey: SIGNING_KEY }))) as LamlSignatureError;
    expect(error).toBeInstanceOf(LamlSignatureError);
    expect(error).toMatchObject({ name: "LamlSignatureError", header: undefined, url: URL_ });
    expect(error.message).toContain("no X-SignalWire-Signature or X-Twilio-Signature header");
    expect(error.message).toContain(URL_);
  });

  test("for a wrong signature names the header, the URL and what to check", async () => {
    const request = signedRequest(pairs, { key: "another-projects-key" });
    const error = (await rejection(parseConferenceEvent(request, { signingKey: SIGNING_KEY }))) as LamlSignatureError;
    expect(error).toMatchObject({ header: "X-SignalWire-Signature", url: URL_ });
    expect(error.message).toContain(`The X-SignalWire-Signature header does not match the request to ${URL_}.`);
    expect(error.message).toContain("pass { url } with the public URL");
    expect(error.message).toContain("Signing Key");
    expect(error.message).toContain("not an API token");
  });

  test("never shows the signing key, the signature or a password in the URL", async () => {
    // A Request cannot carry credentials in its URL; the `url` option can (SignalWire's callback URL may).
    const url = "https://hooks:hunter2-password@hooks.example.com/events";
    const request = signedRequest(pairs, { url: "https://hooks.example.com/events", signedUrl: url, key: "wrong" });
    const signature = request.headers.get("X-SignalWire-Signature") as string;
    const error = await rejection(parseConferenceEvent(request, { signingKey: SIGNING_KEY, url }));
    const shown = [
      error.message,
      error.stack,
      inspect(error, { depth: 5, showHidden: true }),
      JSON.stringify(error),
    ].join("\n");
    for (const secret of [SIGNING_KEY, signature, "hunter2-password"]) expect(shown).not.toContain(secret);
    expect(error.message).toContain("https://hooks:***@hooks.example.com/events");
  });

  test("an unusable signing key is a TypeError that says which key to pass, without the value", async () => {
    const secretish = { toString: () => SIGNING_KEY };
    for (const signingKey of [undefined, null, "", 42, secretish]) {
      const error = await rejection(parseConferenceEvent(signedRequest(pairs), { signingKey: signingKey as string }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain("signingKey must be a non-empty string");
      expect(error.message).toContain("Signing Key, shown on the API Credentials page");
      expect(error.message).not.toContain(SIGNING_KEY);
    }
  });
});
