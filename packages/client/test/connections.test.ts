import { createServer } from "node:http";
import { listenOnLoopback } from "@laml/test-runtimes/listen-on-loopback";
import { describe, expect, test } from "vitest";
import { createLamlClient, type RawLamlClient, withRaw } from "../src/index.js";
import { API_TOKEN, CONFERENCE_SID, PROJECT_ID, page, participant } from "./support/fixtures.js";

// Node's own fetch against a real keep-alive server on loopback: what the client's `nextTurn`
// (src/fetch/attempt.ts) is there for. A fake fetch would open no connection at all.
const listing = JSON.stringify(page([participant(1), participant(2)], null));
const one = JSON.stringify(participant(1));

/**
 * The sockets a server of its own (so its origin has nothing pooled yet) accepted while `calls`
 * ran with a client of it.
 */
async function socketsOver(calls: (laml: RawLamlClient) => Promise<void>): Promise<number> {
  const server = createServer((request, response) => {
    const body = request.url?.includes("/Participants/") ? one : listing;
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
  let sockets = 0;
  server.on("connection", () => sockets++);
  const { origin: spaceUrl, close } = await listenOnLoopback(server);
  try {
    await calls(withRaw(createLamlClient({ spaceUrl, projectId: PROJECT_ID, apiToken: API_TOKEN })));
    return sockets;
  } finally {
    await close();
  }
}

const CALLS = 20;

describe("sequential calls share one connection", () => {
  test("through a resource method", async () => {
    const opened = await socketsOver(async (laml) => {
      for (let n = 0; n < CALLS; n++) {
        expect(await laml.participants.get(CONFERENCE_SID, participant(1).call_sid)).toEqual(participant(1));
      }
    });
    expect(opened).toBe(1);
  });

  test("through paging and raw", async () => {
    const opened = await socketsOver(async (laml) => {
      for (let n = 0; n < CALLS; n++) {
        for await (const each of laml.participants.list(CONFERENCE_SID)) expect(each.muted).toBe(true);
        const { data } = await laml.raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
          params: { path: { AccountSid: PROJECT_ID, ConferenceSid: CONFERENCE_SID } },
        });
        expect(data?.participants).toHaveLength(2);
      }
    });
    expect(opened).toBe(1);
  });
});
