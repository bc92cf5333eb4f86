import { createLamlClient, LamlApiError, type LamlClientOptions, withRaw } from "@laml/client";
import { parameter } from "@laml/spec";
import type { Participant } from "@laml/types";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { startSandbox } from "../src/start-sandbox.js";
import { contractRecorder } from "./contract.js";

const { default: PAGE_SIZE_DEFAULT, maximum: PAGE_SIZE_MAX } = parameter("listParticipants", "PageSize").schema as {
  default: number;
  maximum: number;
};

// @laml/client against a real sandbox over HTTP: what a user of both sees.

const contract = contractRecorder();
const sb = await startSandbox({ onResponse: contract.onResponse });
const { projectId, apiToken } = sb.addAccount();
const big = sb.addConference(projectId, { friendlyName: "All hands" });
for (let i = 0; i < 2500; i++) sb.addParticipant(projectId, big, { muted: i % 3 === 0, hold: i % 5 === 0 });
const everyone = sb.participants(projectId, big);
const sids = (participants: Participant[]) => participants.map((p) => p.call_sid);

/** A client of the sandbox; retries wait no longer than the test needs. */
const client = (options: LamlClientOptions = {}) =>
  createLamlClient({ spaceUrl: sb.url, projectId, apiToken, ...options });
const laml = client();
const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};
/** The error a promise rejects with. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a rejection"),
    (error: unknown) => error,
  );
const listRequests = () => contract.exchanges.filter((e) => e.operationId === "listParticipants").length;

beforeEach(() => sb.faults.clear());
afterAll(async () => {
  await sb.close();
  expect(contract.violations).toEqual([]);
});

describe("listing 2,500 participants", () => {
  test("yields every participant once, in order, in pages of the API's largest size", async () => {
    const before = listRequests();
    expect(sids(await collect(laml.participants.list(big)))).toEqual(sids(everyone));
    expect(listRequests() - before).toBe(Math.ceil(everyone.length / PAGE_SIZE_MAX));
  });

  test("yields every participant once, in order, across pages of the API's default size with pages()", async () => {
    const before = listRequests();
    const pages = await collect(laml.participants.pages(big));
    expect(sids(pages.flatMap((p) => p.participants))).toEqual(sids(everyone));
    expect(listRequests() - before).toBe(Math.ceil(everyone.length / PAGE_SIZE_DEFAULT));
  });

  test("pages() yields the envelopes, PageSize and filters carried from page to page", async () => {
    const pages = await collect(laml.participants.pages(big, { PageSize: 200, Muted: true }));
    const muted = everyone.filter((p) => p.muted);
    expect(pages.map((p) => p.page)).toEqual(Array.from({ length: Math.ceil(muted.length / 200) }, (_, i) => i));
    expect(pages.every((p) => p.page_size === 200)).toBe(true);
    expect(sids(pages.flatMap((p) => p.participants))).toEqual(sids(muted));
    expect(pages.at(-1)?.next_page_uri).toBeNull();
  });

  test("filters by Muted and Hold, alone and together", async () => {
    for (const filters of [{ Muted: false }, { Hold: true }, { Muted: true, Hold: false }]) {
      const expected = everyone.filter(
        (p) =>
          (filters.Muted === undefined || p.muted === filters.Muted) &&
          (!("Hold" in filters) || p.hold === filters.Hold),
      );
      expect(
        sids(await collect(laml.participants.list(big, { ...filters, PageSize: 1000 }))),
        JSON.stringify(filters),
      ).toEqual(sids(expected));
    }
  });

  test("list() with a limit stops after that many, fetching no page beyond", async () => {
    const before = listRequests();
    expect(sids(await collect(laml.participants.list(big, { limit: 120 })))).toEqual(sids(everyone.slice(0, 120)));
    expect(listRequests() - before).toBe(1);
  });

  test("neither skips nor repeats anyone when participants join and leave during the iteration", async () => {
    const conference = sb.addConference(projectId);
    const initial = Array.from({ length: 300 }, () => sb.addParticipant(projectId, conference));
    const left = new Set<string>();
    const joined: string[] = [];
    const seen: string[] = [];
    for await (const participant of laml.participants.list(conference, { PageSize: 40 })) {
      seen.push(participant.call_sid);
      if (seen.length % 40 === 0) {
        // Someone already listed, the participant the cursor names and someone ahead leave;
        // two newcomers join.
        for (const sid of [seen[seen.length - 10], participant.call_sid, initial[seen.length + 5]]) {
          if (sid && sb.removeParticipant(projectId, conference, sid)) left.add(sid);
        }
        joined.push(sb.addParticipant(projectId, conference), sb.addParticipant(projectId, conference));
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    const stayed = [...initial, ...joined].filter((sid) => !left.has(sid));
    expect(stayed.filter((sid) => !seen.includes(sid))).toEqual([]);
  });
});

describe("one participant", () => {
  test("get, update and remove change the sandbox's state as they say", async () => {
    const conference = sb.addConference(projectId);
    const callSid = sb.addParticipant(projectId, conference, { muted: true });
    const coached = sb.addParticipant(projectId, conference);
    expect(await laml.participants.get(conference, callSid)).toMatchObject({
      call_sid: callSid,
      muted: true,
      hold: false,
    });
    expect(await laml.participants.update(conference, callSid, { Muted: false, Hold: true })).toMatchObject({
      muted: false,
      hold: true,
    });
    expect(
      await laml.participants.update(conference, callSid, { Coaching: true, CallSidToCoach: coached }),
    ).toMatchObject({
      coaching: true,
      call_sid_to_coach: coached,
    });
    await laml.participants.remove(conference, callSid);
    expect(sids(sb.participants(projectId, conference))).toEqual([coached]);
  });
});

describe("every error path", () => {
  const conference = sb.addConference(projectId);
  const callSid = sb.addParticipant(projectId, conference);
  const completed = sb.addConference(projectId, { status: "completed" });
  const frozen = sb.addParticipant(projectId, completed);
  const other = sb.addAccount();
  const othersConference = sb.addConference(other.projectId);

  test("wrong credentials: LamlApiError 401, code 20003, without the token", async () => {
    const error = await failure(client({ apiToken: "wrong-token" }).participants.get(conference, callSid));
    expect(error).toBeInstanceOf(LamlApiError);
    expect(error).toMatchObject({ status: 401, code: 20003, method: "GET" });
    expect(String((error as Error).message)).not.toContain("wrong-token");
  });

  test("another account's conference or a missing participant: 404, code 20404, the same either way", async () => {
    const foreign = await failure(laml.participants.get(othersConference, callSid));
    const missing = await failure(laml.participants.get(conference, crypto.randomUUID()));
    for (const error of [foreign, missing]) expect(error).toMatchObject({ status: 404, code: 20404 });
    expect(await failure(collect(laml.participants.list(othersConference)))).toMatchObject({
      status: 404,
      code: 20404,
    });
    expect(await failure(laml.participants.remove(conference, crypto.randomUUID()))).toMatchObject({
      status: 404,
      method: "DELETE",
    });
  });

  test("invalid arguments: 400, code 10000, naming the field; an invalid page token: code 21481", async () => {
    const tooBig = await failure(collect(laml.participants.list(conference, { PageSize: 5000 })));
    expect(tooBig).toMatchObject({ status: 400, code: 10000 });
    expect((tooBig as Error).message).toContain("PageSize must be <= 1000, got 5000");
    const badToken = await failure(
      collect(laml.participants.list(conference, { PageToken: `PA${crypto.randomUUID()}` })),
    );
    expect(badToken).toMatchObject({ status: 400, code: 21481, moreInfo: expect.stringMatching(/^https:\/\//) });
    const url = await failure(laml.participants.update(conference, callSid, { HoldUrl: "not a url" }));
    expect(url).toMatchObject({ status: 400, code: 10000 });
  });

  test("coaching without a coachee, or someone not in the conference: 422, code 16002", async () => {
    expect(await failure(laml.participants.update(conference, callSid, { Coaching: true }))).toMatchObject({
      status: 422,
      code: 16002,
    });
    const stranger = await failure(
      laml.participants.update(conference, callSid, { Coaching: true, CallSidToCoach: frozen }),
    );
    expect(stranger).toMatchObject({ status: 422, code: 16002 });
  });

  test("changing a completed conference: 422, code 10000", async () => {
    expect(await failure(laml.participants.update(completed, frozen, { Muted: true }))).toMatchObject({
      status: 422,
      code: 10000,
    });
    expect(await failure(laml.participants.remove(completed, frozen))).toMatchObject({ status: 422, code: 10000 });
  });

  test("raw keeps openapi-fetch's { data, error, response } with the LaML error body", async () => {
    const { data, error, response } = await withRaw(laml).raw.GET(
      "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants",
      {
        params: { path: { AccountSid: projectId, ConferenceSid: conference }, query: { PageToken: "PAnobody" } },
      },
    );
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 21481, status: 400 });
  });
});

describe("retries under injected faults", () => {
  const retrying = client({ maxRetries: 8 });

  test("lists all 2,500 through 429s, 503s and dropped connections, losing and repeating nothing", async () => {
    const injected = () => Object.values(sb.faults.injected).reduce((sum, n) => sum + n, 0);
    const before = injected();
    sb.faults.set({ share: { 429: 0.1, 503: 0.1, drop: 0.05 }, retryAfterSeconds: 0, seed: 2500 });
    const listed = await collect(retrying.participants.list(big, { PageSize: 100 }));
    expect(injected() - before).toBeGreaterThan(2);
    expect(sids(listed)).toEqual(sids(everyone));
  });

  test("retries an update answered 429 (the API did not process it)", async () => {
    const conference = sb.addConference(projectId);
    const callSid = sb.addParticipant(projectId, conference, { muted: true });
    sb.faults.set({ retryAfterSeconds: 0, next: ["429"] });
    expect(await retrying.participants.update(conference, callSid, { Muted: false })).toMatchObject({ muted: false });
    expect(sb.faults.injected[429]).toBeGreaterThan(0);
    expect(sb.faults.settings.next).toBeUndefined();
  });

  test("does not resend an update that plays an announcement after a 503 or a dropped connection, and nothing changed", async () => {
    const conference = sb.addConference(projectId);
    const callSid = sb.addParticipant(projectId, conference, { muted: true });
    // AnnounceUrl plays again when repeated, so an update that sends it is never retried.
    const update = { Muted: false, AnnounceUrl: "https://example.com/announce.xml" };
    sb.faults.next("503");
    expect(await failure(retrying.participants.update(conference, callSid, update))).toMatchObject({ status: 503 });
    sb.faults.next("drop");
    expect(await failure(retrying.participants.update(conference, callSid, update))).toBeInstanceOf(Error);
    expect(sb.participants(projectId, conference)[0]?.muted).toBe(true);
  });

  test("resends an update of absolute states only (Muted) through a 503 and a dropped connection", async () => {
    const conference = sb.addConference(projectId);
    const callSid = sb.addParticipant(projectId, conference, { muted: true });
    sb.faults.next("503", "drop");
    expect(await retrying.participants.update(conference, callSid, { Muted: false })).toMatchObject({ muted: false });
    expect(sb.participants(projectId, conference)[0]?.muted).toBe(false);
  });

  test("retries gets and removes through drops and 503s", async () => {
    const conference = sb.addConference(projectId);
    const callSid = sb.addParticipant(projectId, conference);
    sb.faults.next("drop", "503");
    expect(await retrying.participants.get(conference, callSid)).toMatchObject({ call_sid: callSid });
    sb.faults.next("503", "drop");
    await retrying.participants.remove(conference, callSid);
    expect(sb.participants(projectId, conference)).toEqual([]);
  });

  test("gives up with the 429 once its retries are spent", async () => {
    sb.faults.set({ retryAfterSeconds: 0, next: ["429", "429"] });
    const error = await failure(client({ maxRetries: 1 }).participants.get(big, everyone[0]?.call_sid as string));
    expect(error).toMatchObject({ status: 429, code: 20429 });
  });

  test("times out an attempt that takes too long", async () => {
    sb.faults.set({ latencyMs: 500 });
    const error = await failure(
      client({ timeoutMs: 50, maxRetries: 0 }).participants.get(big, everyone[0]?.call_sid as string),
    );
    expect(String(error)).toMatch(/timed out|timeout/i);
  });
});
