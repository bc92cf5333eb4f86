import { createServer, type IncomingHttpHeaders } from "node:http";
import { createAjv, webhooks } from "@laml/spec";
import { listenOnLoopback } from "@laml/test-runtimes/listen-on-loopback";
import { afterAll } from "vitest";

/** One request the receiver got. */
export interface Received {
  method: string;
  /** The full URL as requested, origin included. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The form fields (from the body of a POST, the query of a GET). */
  form: URLSearchParams;
  at: number;
}

/**
 * A callback target on 127.0.0.1 for the tests: it records every request and answers 204,
 * after `delayMs[path]` when set (to play a slow target), or never for `hang` paths.
 */
export async function callbackReceiver(options: { delayMs?: Record<string, number>; hang?: string[] } = {}) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const url = `${origin}${request.url}`;
      const parsed = new URL(url);
      received.push({
        method: request.method ?? "",
        url,
        path: parsed.pathname,
        headers: request.headers,
        body,
        form: request.method === "GET" ? parsed.searchParams : new URLSearchParams(body),
        at: Date.now(),
      });
      if (options.hang?.includes(parsed.pathname)) return;
      setTimeout(() => response.writeHead(204).end(), options.delayMs?.[parsed.pathname] ?? 0);
    });
  });
  const { origin, close } = await listenOnLoopback(server);
  afterAll(close);
  return { origin, received, at: (path: string) => received.filter((r) => r.path === path) };
}

const webhook = webhooks.find((w) => w.name === "conferenceStatusCallback");
if (!webhook) throw new Error("The spec has no conferenceStatusCallback webhook");
/** The spec's schema of the callback's form. */
export const callbackSchema = webhook.requestBody?.content["application/x-www-form-urlencoded"] as {
  properties: Record<string, { type?: string }>;
};
const validateCallback = createAjv().compile(callbackSchema);

/**
 * Checks a callback's form against the spec's schema, decoding only what the schema types as
 * boolean (`true`/`false` exactly) or integer (digits), so anything else fails validation.
 */
export function callbackProblems(form: URLSearchParams): string | undefined {
  const decoded: Record<string, unknown> = {};
  for (const [name, value] of form) {
    const type = callbackSchema.properties[name]?.type;
    if (type === "boolean" && (value === "true" || value === "false")) decoded[name] = value === "true";
    else if (type === "integer" && /^\d+$/.test(value)) decoded[name] = Number(value);
    else decoded[name] = value;
  }
  return validateCallback(decoded) ? undefined : JSON.stringify(validateCallback.errors);
}
