import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { createLamlClient } from "@laml/client";
import { removeAll, updateAll } from "@laml/client/bulk";
import { parameter } from "@laml/spec";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { DEMO, demoSeed } from "../src/cli/demo.js";
import { startSandbox } from "../src/start-sandbox.js";
import { contractRecorder } from "./contract.js";

/** The API's largest page, which a bulk call's listing asks for. */
const PAGE_SIZE_MAX = (parameter("listParticipants", "PageSize").schema as { maximum: number }).maximum;

// @laml/client/bulk against a real sandbox over HTTP: a few hundred participants, real paging,
// injected 429s and latency, and the sandbox's own state as the judge.

const contract = contractRecorder();
const sb = await startSandbox({ onResponse: contract.onResponse });
const { projectId, apiToken } = sb.addAccount();

/** Requests in flight at the client's fetch, and the most seen at once. */
const flight = { now: 0, most: 0 };
const laml = createLamlClient({
  spaceUrl: sb.url,
  projectId,
  apiToken,
  fetch: async (request) => {
    flight.most = Math.max(flight.most, ++flight.now);
    try {
      return await fetch(request);
    } finally {
      flight.now--;
    }
  },
});

/** How many times each call was updated or removed successfully (answered 2xx, not an injected fault). */
const changesPerCall = (operationId: string) => {
  const counts = new Map<string, number>();
  for (const exchange of contract.exchanges) {
    if (exchange.operationId !== operationId || exchange.injected || exchange.status >= 300) continue;
    const callSid = exchange.params.CallSid as string;
    counts.set(callSid, (counts.get(callSid) ?? 0) + 1);
  }
  return counts;
};

beforeEach(() => {
  sb.faults.clear();
  contract.exchanges.length = 0;
  flight.most = 0;
});
afterAll(async () => {
  await sb.close();
  expect(contract.violations).toEqual([]);
});

/** A conference of `count` participants, every third one muted; the first is the moderator. */
function conference(count: number) {
  const conferenceSid = sb.addConference(projectId, { friendlyName: `Bulk ${count}` });
  for (let i = 0; i < count; i++)
    sb.addParticipant(projectId, conferenceSid, { muted: i % 3 === 1, hold: i % 4 === 0 });
  const [moderator] = sb.participants(projectId, conferenceSid).map((p) => p.call_sid);
  return { conferenceSid, moderator: moderator as string };
}

describe("updateAll", () => {
  test("mutes every unmuted participant of 400 but the moderator, each once, 8 in flight at most", async () => {
    const { conferenceSid, moderator } = conference(400);
    const unmuted = sb.participants(projectId, conferenceSid).filter((p) => !p.muted && p.call_sid !== moderator);
    const report = await updateAll(
      laml.participants,
      conferenceSid,
      { Muted: true },
      {
        where: { Muted: false },
        except: [moderator],
      },
    );
    expect(report.updated.map((p) => p.call_sid)).toEqual(unmuted.map((p) => p.call_sid));
    expect(report).toMatchObject({ gone: [], failed: [] });
    const after = sb.participants(projectId, conferenceSid);
    expect(after.filter((p) => p.call_sid !== moderator).every((p) => p.muted)).toBe(true);
    expect(after.find((p) => p.call_sid === moderator)?.muted).toBe(false);
    const updates = changesPerCall("updateParticipant");
    expect(updates.size).toBe(unmuted.length);
    expect([...updates.values()].every((n) => n === 1)).toBe(true);
    expect(flight.most).toBe(8);
    // One page: the listing asks for the API's largest.
    const listings = contract.exchanges.filter((e) => e.operationId === "listParticipants");
    expect(listings.map((e) => new URL(e.url, sb.url).searchParams.get("PageSize"))).toEqual([String(PAGE_SIZE_MAX)]);
  });

  test("retries the 429s the API sends and still updates everyone once", async () => {
    const { conferenceSid } = conference(300);
    sb.faults.set({ share: { 429: 0.2 }, retryAfterSeconds: 0, methods: ["POST"], seed: 7 });
    // A fifth of the updates answered 429: with six retries each, three in a row is no longer enough to fail one.
    const report = await updateAll(
      laml.participants,
      conferenceSid,
      { Hold: true },
      { where: { Hold: false }, maxRetries: 6 },
    );
    expect(sb.faults.injected[429]).toBeGreaterThan(0);
    expect(report.failed).toEqual([]);
    expect(sb.participants(projectId, conferenceSid).every((p) => p.hold)).toBe(true);
    const updates = changesPerCall("updateParticipant");
    expect(updates.size).toBe(report.updated.length);
    expect([...updates.values()].every((n) => n === 1)).toBe(true);
  });
});

describe("removeAll", () => {
  test("removes everyone on hold, counting those who hung up meanwhile as gone", async () => {
    const { conferenceSid } = conference(200);
    const onHold = sb.participants(projectId, conferenceSid).filter((p) => p.hold);
    // Two of them hang up after the listing, before their removal is sent.
    const leaving = [onHold[10], onHold[20]].map((p) => p?.call_sid as string);
    const bulk = {
      ...laml.participants,
      remove: (c: string, callSid: string, options?: Parameters<typeof laml.participants.remove>[2]) => {
        if (callSid === onHold[0]?.call_sid) for (const sid of leaving) sb.removeParticipant(projectId, c, sid);
        return laml.participants.remove(c, callSid, options);
      },
    };
    const report = await removeAll(bulk, conferenceSid, { where: { Hold: true }, concurrency: 1 });
    expect(report.gone).toEqual(leaving);
    expect(report.removed).toHaveLength(onHold.length - 2);
    expect(report.failed).toEqual([]);
    expect(sb.participants(projectId, conferenceSid).some((p) => p.hold)).toBe(false);
    expect(sb.participants(projectId, conferenceSid)).toHaveLength(200 - onHold.length);
  });
});

describe("the client README's Bulk moderation example", () => {
  test("runs as pasted against the demo conference and mutes everyone but the host", async () => {
    const readme = readFileSync(new URL("../../client/README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Bulk moderation"));
    const example = section.match(/```ts\n([\s\S]*?)```/)?.[1] as string;
    expect(example).toContain("updateAll");
    const demo = await startSandbox({ seed: demoSeed(Date.now()) });
    try {
      const before = demo.participants(DEMO.projectId, DEMO.conferenceSid);
      // Resolved from this package, which depends on @laml/client, as the sandbox's own snippet is.
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", example], {
        cwd: new URL("..", import.meta.url),
        env: {
          ...process.env,
          SIGNALWIRE_SPACE_URL: demo.url,
          SIGNALWIRE_PROJECT_ID: DEMO.projectId,
          SIGNALWIRE_API_TOKEN: DEMO.apiToken,
        },
      });
      const unmuted = before.filter((p) => !p.muted && !p.end_conference_on_exit);
      expect(stdout.trim()).toBe(`muted ${unmuted.length}, 0 had left, 0 failed`);
      const after = demo.participants(DEMO.projectId, DEMO.conferenceSid);
      expect(after.filter((p) => !p.end_conference_on_exit).every((p) => p.muted)).toBe(true);
      expect(after.find((p) => p.end_conference_on_exit)?.muted).toBe(
        before.find((p) => p.end_conference_on_exit)?.muted,
      );
    } finally {
      await demo.close();
    }
  });
});
