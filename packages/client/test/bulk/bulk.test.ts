import { inspect } from "node:util";
import type { Participant } from "@laml/types";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { removeAll, updateAll, withBulk } from "../../src/bulk/index.js";
import { LamlApiError, type LamlClient, withRaw } from "../../src/index.js";
import { lamlError, networkError } from "../support/fake-fetch.js";
import { ANNOUNCE, API_TOKEN, CONFERENCE_SID, PROJECT_ID, participant } from "../support/fixtures.js";
import { moderatedConference } from "./moderated-conference.js";

// Full jitter draws the backoff from [0, cap): pinned at 0, retries are immediate.
beforeEach(() => {
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const sid = (n: number) => participant(n).call_sid;
const MUTE = { Muted: true } as const;

describe("updateAll", () => {
  test("updates every participant matching where, except those listed, once each, in listing order", async () => {
    // Every third participant (1, 4, 7, …) is muted already.
    const { state, laml } = moderatedConference(30, { mutedEvery: 3 });
    const report = await updateAll(laml.participants, CONFERENCE_SID, MUTE, {
      where: { Muted: false },
      except: [sid(2), sid(3)],
    });
    const expected = Array.from({ length: 30 }, (_, n) => n + 1).filter((n) => n % 3 !== 1 && n !== 2 && n !== 3);
    expect(report.updated.map((p) => p.call_sid)).toEqual(expected.map(sid));
    expect(report.updated.every((p) => p.muted)).toBe(true);
    expect(report).toMatchObject({ gone: [], failed: [] });
    expect([...state.updates.values()].every((count) => count === 1)).toBe(true);
    expect([...state.updates.keys()].sort()).toEqual(expected.map(sid).sort());
    expect(state.people.get(sid(2))?.muted).toBe(false);
    const listing = state.requests.filter((r) => r.method === "GET");
    expect(listing.map((r) => r.url.searchParams.get("Muted"))).toEqual(["false"]);
    expect(listing[0]?.url.searchParams.get("PageSize")).toBe("1000");
  });

  test.each(["cursor", "offset"] as const)(
    "lists every page before the first update, so muting cannot shift %s paging of { Muted: false }",
    async (paging) => {
      // 25 unmuted participants, 10 a page: were the first page muted before the second was read,
      // an offset into the filtered list would start at the 21st and skip ten.
      const { state, laml } = moderatedConference(25, { pageSize: 10, paging });
      const report = await updateAll(laml.participants, CONFERENCE_SID, MUTE, { where: { Muted: false } });
      expect(report.updated).toHaveLength(25);
      expect([...state.people.values()].every((p) => p.muted)).toBe(true);
      const methods = state.requests.map((r) => r.method);
      expect(methods.slice(0, 3)).toEqual(["GET", "GET", "GET"]);
      expect(methods.slice(3).every((method) => method === "POST")).toBe(true);
    },
  );

  test("acts once on someone the listing yields twice (a server paging by offset while people join)", async () => {
    const { state, laml } = moderatedConference(12);
    const twice = [1, 2, 3, 3, 4, 1, 5].map((n) => participant(n, { muted: false }));
    async function* list(): AsyncGenerator<Participant, void, undefined> {
      yield* twice;
    }
    const report = await updateAll({ list, update: laml.participants.update }, CONFERENCE_SID, MUTE);
    expect(report.updated.map((p) => p.call_sid)).toEqual([1, 2, 3, 4, 5].map(sid));
    expect([...state.updates.values()]).toEqual([1, 1, 1, 1, 1]);
  });

  test("has 8 requests in flight by default, and never more", async () => {
    const { state, laml } = moderatedConference(60, { delayMs: 5 });
    const report = await updateAll(laml.participants, CONFERENCE_SID, MUTE);
    expect(report.updated).toHaveLength(60);
    expect(state.maxInFlight).toBe(8);
  });

  test.each([1, 3, 20])("has at most concurrency (%i) requests in flight", async (concurrency) => {
    const { state, laml } = moderatedConference(40, { delayMs: 5 });
    await updateAll(laml.participants, CONFERENCE_SID, MUTE, { concurrency });
    expect(state.maxInFlight).toBe(concurrency);
  });

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "8"])(
    "refuses concurrency %s before any request, saying what to pass",
    async (concurrency) => {
      const { state, laml } = moderatedConference(3);
      const call = updateAll(laml.participants, CONFERENCE_SID, MUTE, { concurrency: concurrency as number });
      await expect(call).rejects.toThrow(
        new RangeError(
          `Invalid concurrency ${String(concurrency)}: pass a whole number of requests in flight from 1 (one after another) up, e.g. 8 (the default).`,
        ),
      );
      expect(state.requests).toEqual([]);
    },
  );

  test("refuses one CallSid given alone as except, which would exclude no one, before any request", async () => {
    const { state, laml } = moderatedConference(3);
    const call = updateAll(laml.participants, CONFERENCE_SID, MUTE, { except: sid(1) as unknown as string[] });
    await expect(call).rejects.toThrow(
      new TypeError(`Invalid except "${sid(1)}": pass an array or a Set of CallSids, e.g. ["${sid(1)}"].`),
    );
    expect(state.requests).toEqual([]);
  });

  test("reports a participant who left meanwhile (404, code 20404) as gone, not failed", async () => {
    const { state, laml } = moderatedConference(5);
    // Participant 2 hangs up after the listing, just before the update reaches the API.
    state.script[sid(2)] = [
      () => {
        state.people.delete(sid(2));
        return undefined;
      },
    ];
    const report = await updateAll(laml.participants, CONFERENCE_SID, MUTE);
    expect(report.gone).toEqual([sid(2)]);
    expect(report.failed).toEqual([]);
    expect(report.updated.map((p) => p.call_sid)).toEqual([1, 3, 4, 5].map(sid));
  });

  test("counts a 404 without the not-found code as a failure: only 20404 says the participant is gone", async () => {
    const { state, laml } = moderatedConference(2);
    state.script[sid(1)] = [lamlError(404, 10000, "Not here for another reason")];
    const report = await updateAll(laml.participants, CONFERENCE_SID, MUTE);
    expect(report.gone).toEqual([]);
    expect(report.failed).toEqual([{ callSid: sid(1), error: expect.objectContaining({ status: 404, code: 10000 }) }]);
  });

  test("lists a participant whose update keeps failing with 500 in failed, and updates the others", async () => {
    const { state, laml } = moderatedConference(6);
    state.script[sid(3)] = [500, 500, 500].map((status) => lamlError(status, 20504, "Internal error"));
    const report = await updateAll(laml.participants, CONFERENCE_SID, MUTE);
    expect(report.updated.map((p) => p.call_sid)).toEqual([1, 2, 4, 5, 6].map(sid));
    expect(report.failed).toHaveLength(1);
    const [failure] = report.failed;
    expect(failure?.callSid).toBe(sid(3));
    expect(failure?.error).toBeInstanceOf(LamlApiError);
    expect(failure?.error).toMatchObject({ status: 500, code: 20504 });
    // Muted is idempotent, so the client's own retries (maxRetries 2) ran first.
    expect(state.requests.filter((r) => r.url.pathname.endsWith(sid(3)))).toHaveLength(3);
  });

  test("does not retry a 500 when the update is not idempotent (AnnounceUrl plays again)", async () => {
    const { state, laml } = moderatedConference(3);
    state.script[sid(2)] = [lamlError(500, 20504, "Internal error")];
    const report = await updateAll(laml.participants, CONFERENCE_SID, ANNOUNCE);
    expect(report.failed.map((f) => f.callSid)).toEqual([sid(2)]);
    expect(state.requests.filter((r) => r.url.pathname.endsWith(sid(2)))).toHaveLength(1);
  });

  test("retries a 429 through the client's retries and counts it updated", async () => {
    const { state, laml } = moderatedConference(4);
    state.script[sid(2)] = [lamlError(429, 20429, "Too many requests", { "Retry-After": "0" })];
    // Even an update that is not idempotent: a 429 was not processed.
    const report = await updateAll(laml.participants, CONFERENCE_SID, ANNOUNCE);
    expect(report.updated.map((p) => p.call_sid)).toEqual([1, 2, 3, 4].map(sid));
    expect(report.failed).toEqual([]);
    expect(state.requests.filter((r) => r.url.pathname.endsWith(sid(2)))).toHaveLength(2);
    expect(state.updates.get(sid(2))).toBe(1);
  });

  test("keeps going after a network error on one participant", async () => {
    const { state, laml } = moderatedConference(3);
    state.script[sid(1)] = [networkError(), networkError(), networkError()];
    const report = await updateAll(laml.participants, CONFERENCE_SID, MUTE);
    expect(report.failed).toEqual([{ callSid: sid(1), error: expect.any(TypeError) }]);
    expect(report.updated).toHaveLength(2);
  });

  test("on abort starts no new request, aborts those in flight and rejects with the reason", async () => {
    const { state, laml } = moderatedConference(50, { delayMs: 10 });
    const controller = new AbortController();
    const reason = new Error("moderator cancelled");
    const live = new Set<Request>();
    let inFlightAtAbort: Request[] = [];
    for (let n = 1; n <= 50; n++) {
      state.script[sid(n)] = [
        async (request) => {
          // The tenth update aborts the call while the others in flight wait for their answer.
          if (n === 10) {
            inFlightAtAbort = [...live];
            controller.abort(reason);
            return undefined;
          }
          live.add(request);
          await new Promise((resolve) => setTimeout(resolve, 10));
          live.delete(request);
          return undefined;
        },
      ];
    }
    const call = updateAll(laml.participants, CONFERENCE_SID, MUTE, { concurrency: 4, signal: controller.signal });
    await expect(call).rejects.toBe(reason);
    const posted = state.requests.filter((r) => r.method === "POST").length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.requests.filter((r) => r.method === "POST")).toHaveLength(posted);
    // The tenth and the three others in flight with it, at most: none started after the abort.
    expect(posted).toBeLessThanOrEqual(13);
    expect(inFlightAtAbort.length).toBeGreaterThan(0);
    for (const request of inFlightAtAbort) expect(request.signal.aborted).toBe(true);
  });

  test("with an already aborted signal sends nothing and rejects with its reason", async () => {
    const { state, laml } = moderatedConference(3);
    const reason = new Error("too late");
    const call = updateAll(laml.participants, CONFERENCE_SID, MUTE, { signal: AbortSignal.abort(reason) });
    await expect(call).rejects.toBe(reason);
    expect(state.requests).toEqual([]);
  });

  test("rejects, updating no one, when the listing fails", async () => {
    const { state, laml } = moderatedConference(3);
    const report = updateAll(
      {
        ...laml.participants,
        // biome-ignore lint/correctness/useYield: a listing that fails at its first page
        list: async function* () {
          throw new LamlApiError("GET", lamlError(401, 20003, "Authentication failed"), {});
        },
      },
      CONFERENCE_SID,
      MUTE,
    );
    await expect(report).rejects.toMatchObject({ status: 401 });
    expect(state.requests).toEqual([]);
  });

  test("sends the per-call options with every request, the listing included", async () => {
    const { state, laml } = moderatedConference(3);
    const seen: (string | null)[] = [];
    for (let n = 1; n <= 3; n++) {
      state.script[sid(n)] = [
        (request) => {
          seen.push(request.headers.get("X-Trace"));
          return undefined;
        },
      ];
    }
    await updateAll(laml.participants, CONFERENCE_SID, MUTE, { headers: { "X-Trace": "t-1" } });
    expect(seen).toEqual(["t-1", "t-1", "t-1"]);
  });

  test("shows no credential in its report or errors", async () => {
    const { state, laml } = moderatedConference(4);
    state.script[sid(1)] = [lamlError(401, 20003, "Authentication failed")];
    state.script[sid(2)] = [networkError(), networkError(), networkError()];
    state.script[sid(3)] = [lamlError(404, 20404, "The requested resource was not found")];
    const report = await updateAll(laml.participants, CONFERENCE_SID, MUTE);
    expect(report.failed).toHaveLength(2);
    const invalid = await updateAll(laml.participants, CONFERENCE_SID, MUTE, { concurrency: 0 }).catch((e) => e);
    for (const text of [
      inspect(report, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(report),
      ...report.failed.map((f) => `${(f.error as Error).message} ${(f.error as Error).stack}`),
      inspect(invalid, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    ]) {
      for (const secret of [API_TOKEN, btoa(`${PROJECT_ID}:${API_TOKEN}`)]) expect(text).not.toContain(secret);
    }
  });
});

describe("removeAll", () => {
  test("removes every participant matching where but those excepted, and reports who was gone", async () => {
    const { state, laml } = moderatedConference(10, { mutedEvery: 2 });
    state.script[sid(5)] = [
      () => {
        state.people.delete(sid(5));
        return undefined;
      },
    ];
    state.script[sid(7)] = [lamlError(422, 10000, "The participant has completed")];
    // Muted are 1, 3, 5, 7, 9; 9 is the moderator's own call.
    const report = await removeAll(laml.participants, CONFERENCE_SID, {
      where: { Muted: true },
      except: new Set([sid(9)]),
    });
    expect(report.removed).toEqual([sid(1), sid(3)]);
    expect(report.gone).toEqual([sid(5)]);
    expect(report.failed).toEqual([{ callSid: sid(7), error: expect.objectContaining({ status: 422 }) }]);
    expect([...state.people.keys()]).toEqual([2, 4, 6, 7, 8, 9, 10].map(sid));
  });

  test("has 8 requests in flight by default, and never more", async () => {
    const { state, laml } = moderatedConference(30, { delayMs: 5 });
    const report = await removeAll(laml.participants, CONFERENCE_SID);
    expect(report.removed).toHaveLength(30);
    expect(state.maxInFlight).toBe(8);
    expect(state.people.size).toBe(0);
  });
});

describe("withBulk", () => {
  test("gives laml.participants updateAll and removeAll, keeps the other methods, and survives withOptions", async () => {
    const { state, laml } = moderatedConference(4, { mutedEvery: 2 });
    const bulk = withBulk(laml);
    expect(bulk.accountSid).toBe(laml.accountSid);
    const muted = await bulk.participants.updateAll(CONFERENCE_SID, MUTE, { where: { Muted: false } });
    expect(muted.updated.map((p) => p.call_sid)).toEqual([sid(2), sid(4)]);
    expect((await bulk.participants.get(CONFERENCE_SID, sid(2))).muted).toBe(true);
    const traced = bulk.withOptions({ headers: { "X-Trace": "t-2" } });
    const removed = await traced.participants.removeAll(CONFERENCE_SID, { except: [sid(1)] });
    expect(removed.removed).toEqual([2, 3, 4].map(sid));
    expect(state.requests.at(-1)?.method).toBe("DELETE");
  });
});

describe("withBulk and withRaw", () => {
  test.each([
    ["withBulk(withRaw(laml))", (laml: LamlClient) => withBulk(withRaw(laml))],
    ["withRaw(withBulk(laml))", (laml: LamlClient) => withRaw(withBulk(laml))],
  ])("%s has the bulk methods and raw, and keeps both through withOptions", async (_, both) => {
    const { state, laml } = moderatedConference(3, { mutedEvery: 2 });
    const traced = both(laml).withOptions({ headers: { "X-Trace": "t-3" } });
    const muted = await traced.participants.updateAll(CONFERENCE_SID, MUTE, { where: { Muted: false } });
    expect(muted.updated.map((p) => p.call_sid)).toEqual([sid(2)]);
    const { data } = await traced.raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
      params: { path: { AccountSid: traced.accountSid, ConferenceSid: CONFERENCE_SID }, query: { Muted: false } },
    });
    expect(data?.participants).toEqual([]);
    // The listing, the update and the raw call, all with the defaults given to withOptions.
    expect(state.requests.map((r) => [r.method, r.headers.get("X-Trace")])).toEqual([
      ["GET", "t-3"],
      ["POST", "t-3"],
      ["GET", "t-3"],
    ]);
  });
});
