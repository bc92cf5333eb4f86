import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { listenOnLoopback } from "@laml/test-runtimes/listen-on-loopback";
import { afterEach, describe, expect, test } from "vitest";
import { createCallbackApp as createExpressApp } from "./recipes/express.js";
import { createCallbackApp as createFastifyApp } from "./recipes/fastify.js";
import { handleConferenceEvent } from "./recipes/fetch-handler.js";
import { createCallbackServer } from "./recipes/node-http.js";
import { referenceSignature } from "./reference-signature.js";

// The README's Webhooks section shows these recipes; each runs here for real, on loopback.
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const SIGNING_KEY = "PSKrecipe-test-key";
const FIELDS: Array<[string, string]> = [
  ["AccountSid", "446e9986-0848-4d46-a617-48793c5f5e07"],
  ["CallSid", "5d1c9f0e-7a2b-4c3d-8e9f-0a1b2c3d4e5f"],
  ["ConferenceSid", "8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c"],
  ["FriendlyName", "Réunion 1234"],
  ["Muted", "True"],
  ["StatusCallbackEvent", "participant-mute"],
  ["Timestamp", "Tue, 24 Nov 2026 21:05:12 +0000"],
];

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(server: Server): Promise<string> {
  const { origin, close } = await listenOnLoopback(server);
  closers.push(close);
  return origin;
}

/** Posts the fields to `url`, signed with `key` (or not signed), and answers the status. */
async function post(url: string, key: string | undefined): Promise<number> {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (key) headers["X-SignalWire-Signature"] = referenceSignature(key, url, FIELDS);
  const response = await fetch(url, { method: "POST", headers, body: new URLSearchParams(FIELDS) });
  return response.status;
}

/** A server for a fetch-style handler, as Bun.serve or Deno.serve would run it. */
function serveFetch(handler: (request: Request) => Promise<Response>): Server {
  return createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: body.length ? body : undefined,
    });
    const response = await handler(request);
    res.writeHead(response.status).end();
  });
}

const RECIPES = [
  {
    name: "fetch handler",
    file: "fetch-handler.ts",
    start: async (received: unknown[]) =>
      listen(
        serveFetch(async (request) => {
          const response = await handleConferenceEvent(request.clone(), SIGNING_KEY);
          if (response.status === 204) received.push(Object.fromEntries(new URLSearchParams(await request.text())));
          return response;
        }),
      ),
    received: { Muted: "True", FriendlyName: "Réunion 1234", StatusCallbackEvent: "participant-mute" },
  },
  {
    name: "Node's http",
    file: "node-http.ts",
    start: async (received: unknown[]) => listen(createCallbackServer(SIGNING_KEY, (event) => received.push(event))),
    received: { Muted: true, FriendlyName: "Réunion 1234", StatusCallbackEvent: "participant-mute" },
  },
  {
    name: "Express",
    file: "express.ts",
    start: async (received: unknown[]) =>
      listen(createServer(createExpressApp(SIGNING_KEY, (fields) => received.push(fields)))),
    received: { Muted: "True", FriendlyName: "Réunion 1234", StatusCallbackEvent: "participant-mute" },
  },
  {
    name: "Fastify",
    file: "fastify.ts",
    start: async (received: unknown[]) => {
      const app = createFastifyApp(SIGNING_KEY, (fields) => received.push(Object.fromEntries(fields)));
      closers.push(() => app.close());
      return app.listen({ port: 0, host: "127.0.0.1" });
    },
    received: { Muted: "True", FriendlyName: "Réunion 1234", StatusCallbackEvent: "participant-mute" },
  },
];

describe.each(RECIPES)("the $name recipe", ({ file, start, received: expected }) => {
  test("is shown in the README as it is tested", () => {
    const recipe = readFileSync(new URL(`./recipes/${file}`, import.meta.url), "utf8");
    expect(README).toContain(recipe.trim());
  });

  test("accepts a signed callback, hands over its fields and answers 204", async () => {
    const received: unknown[] = [];
    const origin = await start(received);
    expect(await post(`${origin}/conference-events?tenant=t1`, SIGNING_KEY)).toBe(204);
    expect(received).toEqual([expect.objectContaining(expected)]);
  });

  test("answers 403 to an unsigned callback or one signed with another key, and hands nothing over", async () => {
    const received: unknown[] = [];
    const origin = await start(received);
    expect(await post(`${origin}/conference-events`, undefined)).toBe(403);
    expect(await post(`${origin}/conference-events`, "another-projects-key")).toBe(403);
    expect(received).toEqual([]);
  });
});
