import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { errorCodeFor } from "@laml/spec";
import { participantPage } from "./participant-page.mjs";
import { specFacts } from "./spec-facts.mjs";

/**
 * @typedef {object} FixedServer
 * @property {string} origin e.g. `http://127.0.0.1:41234`.
 * @property {(total: number) => string} addConference Adds a conference of `total` participants; returns its SID.
 * @property {() => Promise<void>} close
 */

// Any prefix: @laml/client and openapi-fetch use the spec's `/api/laml/2010-04-01`, twilio-node
// (as SignalWire's fork configures it) uses `/2010-04-01`, and both add or omit the `.json` suffix.
const collectionRoute = new RegExp(
  `/Accounts/([^/]+)/Conferences/([^/]+)/Participants(?:${specFacts.uriSuffix.replace(".", "\\.")})?$`,
);

/** A JSON error body in the API's shape, so clients fail as they would against the real API. */
function fail(
  /** @type {import("node:http").ServerResponse} */ res,
  /** @type {number} */ status,
  /** @type {string} */ message,
) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ code: errorCodeFor(status), message, more_info: "bench fixed server", status }));
}

/**
 * A `node:http` server on 127.0.0.1 that answers the participant list with fixed bytes: each page
 * is rendered once and then served from memory, so the server's own cost is as small and as
 * constant as it can be and every client is measured against the same answers.
 * @returns {Promise<FixedServer>}
 */
export async function startFixedServer() {
  /** @type {Map<string, number>} */
  const conferences = new Map();
  /** @type {Map<string, Buffer>} */
  const rendered = new Map();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = collectionRoute.exec(url.pathname);
    if (req.method !== "GET" || !match) return fail(res, 404, `No route for ${req.method} ${url.pathname}`);
    if (!req.headers.authorization?.startsWith("Basic ")) return fail(res, 401, "Send HTTP Basic credentials.");
    const [, accountSid = "", conferenceSid = ""] = match;
    const total = conferences.get(conferenceSid);
    if (total === undefined) return fail(res, 404, `No conference ${conferenceSid}`);
    const pageSize = Number(url.searchParams.get("PageSize") ?? specFacts.defaultPageSize);
    const page = Number(url.searchParams.get("Page") ?? 0);
    const key = `${url.pathname}|${pageSize}|${page}`;
    let body = rendered.get(key);
    if (!body) {
      const collectionPath = url.pathname;
      body = Buffer.from(
        JSON.stringify(participantPage({ collectionPath, accountSid, conferenceSid, total, pageSize, page })),
      );
      rendered.set(key, body);
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });

  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The fixed server has no TCP address.");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    addConference(total) {
      const sid = randomUUID();
      conferences.set(sid, total);
      return sid;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
