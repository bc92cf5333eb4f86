import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { LamlApiError, withRaw } from "../src/index.js";
import { fakeFetch, json, lamlError, networkError } from "./support/fake-fetch.js";
import {
  ANNOUNCE,
  CALL_SID,
  CONFERENCE_SID,
  nextUri,
  PROJECT_ID,
  page,
  participant,
  testClient,
} from "./support/fixtures.js";

// Full jitter draws the backoff from [0, cap): pinning the draw at 0 makes retries immediate, so
// these tests never wait. The tests about waiting use fake timers.
beforeEach(() => {
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const ok = () => json(participant(1));

describe("GET and DELETE", () => {
  test.each([429, 500, 502, 503, 504])("are retried after %d", async (status) => {
    const { fetch, requests } = fakeFetch(lamlError(status, 20504, "Internal error"), ok());
    await expect(testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID)).resolves.toEqual(participant(1));
    const { fetch: fetch2, requests: requests2 } = fakeFetch(
      lamlError(status, 20504, "Internal error"),
      new Response(null, { status: 204 }),
    );
    await testClient(fetch2).participants.remove(CONFERENCE_SID, CALL_SID);
    expect([requests.length, requests2.length]).toEqual([2, 2]);
  });

  test("are retried after a network error", async () => {
    const { fetch, requests } = fakeFetch(networkError(), networkError(), ok());
    await expect(testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID)).resolves.toEqual(participant(1));
    expect(requests).toHaveLength(3);
  });

  test.each([400, 401, 404, 422, 501])("are not retried after %d", async (status) => {
    const { fetch, requests } = fakeFetch(lamlError(status, 10000, "No"));
    await expect(testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID)).rejects.toBeInstanceOf(LamlApiError);
    expect(requests).toHaveLength(1);
  });

  test("give up after maxRetries and throw the last answer's error", async () => {
    const { fetch, requests } = fakeFetch(
      lamlError(503, 20504, "first"),
      lamlError(503, 20504, "second"),
      lamlError(503, 20504, "third"),
    );
    await expect(testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID)).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining("third"),
    });
    expect(requests).toHaveLength(3);
  });

  test("give up after maxRetries network errors with one naming the request, the last as its cause", async () => {
    const last = networkError();
    const { fetch, requests } = fakeFetch(networkError(), last);
    const failure = await testClient(fetch, { maxRetries: 1 })
      .participants.get(CONFERENCE_SID, CALL_SID)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure).toMatchObject({
      message: expect.stringMatching(new RegExp(`^GET /api/laml/2010-04-01/.+/Participants/${CALL_SID}: .+$`)),
      cause: last,
    });
    expect(requests).toHaveLength(2);
  });

  test("maxRetries: 0 sends once", async () => {
    const { fetch, requests } = fakeFetch(lamlError(503, 20504, "down"));
    await expect(
      testClient(fetch, { maxRetries: 0 }).participants.get(CONFERENCE_SID, CALL_SID),
    ).rejects.toBeInstanceOf(LamlApiError);
    expect(requests).toHaveLength(1);
  });

  test("an error that is not a network error (a bug in a custom fetch) is not retried", async () => {
    const bug = new RangeError("custom fetch bug");
    const { fetch, requests } = fakeFetch(bug);
    await expect(testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID)).rejects.toBe(bug);
    expect(requests).toHaveLength(1);
  });
});

describe("the update POST", () => {
  test("is retried after 429, which the API did not process, with the same body", async () => {
    const { fetch, requests } = fakeFetch(lamlError(429, 20429, "Too many requests"), ok());
    await testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, { Muted: false });
    expect(requests.map((r) => [r.method, r.body])).toEqual([
      ["POST", "Muted=false"],
      ["POST", "Muted=false"],
    ]);
  });

  test.each([500, 502, 503, 504])("is not retried after %d: the update may have happened", async (status) => {
    const { fetch, requests } = fakeFetch(lamlError(status, 20504, "Internal error"));
    await expect(testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, ANNOUNCE)).rejects.toMatchObject({
      status,
    });
    expect(requests).toHaveLength(1);
  });

  test("is not retried after a network error", async () => {
    const failure = networkError();
    const { fetch, requests } = fakeFetch(failure);
    await expect(testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, ANNOUNCE)).rejects.toMatchObject({
      message: expect.stringContaining("POST /api/laml/2010-04-01/"),
      cause: failure,
    });
    expect(requests).toHaveLength(1);
  });
});

describe("an update of idempotent fields only (x-laml-idempotent in the spec)", () => {
  const MUTE_AND_HOLD = {
    Muted: true,
    Hold: true,
    HoldUrl: "https://example.com/hold.mp3",
    HoldMethod: "GET",
  } as const;

  test.each([500, 502, 503, 504])("is retried after %d with the same body", async (status) => {
    const { fetch, requests } = fakeFetch(lamlError(status, 20504, "Internal error"), ok());
    await expect(testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, MUTE_AND_HOLD)).resolves.toEqual(
      participant(1),
    );
    expect(requests.map((r) => r.body)).toEqual([
      "Muted=true&Hold=true&HoldUrl=https%3A%2F%2Fexample.com%2Fhold.mp3&HoldMethod=GET",
      "Muted=true&Hold=true&HoldUrl=https%3A%2F%2Fexample.com%2Fhold.mp3&HoldMethod=GET",
    ]);
  });

  test("is retried after a network error, through withRaw(laml).raw too", async () => {
    const { fetch, requests } = fakeFetch(networkError(), ok());
    await testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, { Coaching: true, CallSidToCoach: CALL_SID });
    const raw = fakeFetch(networkError(), ok());
    await withRaw(testClient(raw.fetch)).raw.POST(
      "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}",
      {
        params: { path: { AccountSid: PROJECT_ID, ConferenceSid: CONFERENCE_SID, CallSid: CALL_SID } },
        body: { Muted: true },
      },
    );
    expect([requests.length, raw.requests.length]).toEqual([2, 2]);
  });

  test("is not retried once it sends one field that is not idempotent", async () => {
    const { fetch, requests } = fakeFetch(lamlError(503, 20504, "Internal error"));
    await expect(
      testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, { ...MUTE_AND_HOLD, AnnounceMethod: "GET" }),
    ).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);
  });
});

describe("waiting between attempts", () => {
  test("honours retry-after-ms before Retry-After", async () => {
    vi.useFakeTimers();
    const { fetch, requests } = fakeFetch(
      lamlError(429, 20429, "Too many requests", { "retry-after-ms": "250", "Retry-After": "5" }),
      ok(),
    );
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID);
    await vi.advanceTimersByTimeAsync(249);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await expect(result).resolves.toEqual(participant(1));
  });

  test("honours Retry-After in seconds", async () => {
    vi.useFakeTimers();
    const { fetch, requests } = fakeFetch(lamlError(429, 20429, "Too many requests", { "Retry-After": "2" }), ok());
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID);
    await vi.advanceTimersByTimeAsync(1999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await expect(result).resolves.toEqual(participant(1));
  });

  test("honours Retry-After as an HTTP date", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-24T21:00:00Z") });
    const { fetch, requests } = fakeFetch(
      lamlError(503, 20504, "Maintenance", { "Retry-After": "Tue, 24 Nov 2026 21:00:05 GMT" }),
      ok(),
    );
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID);
    await vi.advanceTimersByTimeAsync(4999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(participant(1));
  });

  test("gives up at once when Retry-After is beyond 60 s", async () => {
    const { fetch, requests } = fakeFetch(lamlError(429, 20429, "Too many requests", { "Retry-After": "61" }));
    await expect(testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID)).rejects.toMatchObject({ status: 429 });
    expect(requests).toHaveLength(1);
  });

  test("backs off exponentially with full jitter when there is no Retry-After", async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { fetch, requests } = fakeFetch(lamlError(503, 0, "down"), lamlError(503, 0, "down"), ok());
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID);
    // Half of 500 ms, then half of 1000 ms.
    await vi.advanceTimersByTimeAsync(249);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(participant(1));
  });
});

describe("list", () => {
  test("resumes paging after a 503 without repeating items", async () => {
    const { fetch, requests } = fakeFetch(
      json(page([participant(1), participant(2)], nextUri(1))),
      lamlError(503, 20504, "Service unavailable"),
      json(page([participant(3)], null, 1)),
    );
    const sids: string[] = [];
    for await (const p of testClient(fetch).participants.list(CONFERENCE_SID)) sids.push(p.call_sid);
    expect(sids).toEqual([1, 2, 3].map((n) => participant(n).call_sid));
    expect(requests[1]?.url).toBe(requests[2]?.url);
  });

  test("resumes paging after a dropped connection without losing items", async () => {
    const { fetch } = fakeFetch(
      json(page([participant(1)], nextUri(1))),
      networkError(),
      json(page([participant(2)], null, 1)),
    );
    const sids: string[] = [];
    for await (const p of testClient(fetch).participants.list(CONFERENCE_SID)) sids.push(p.call_sid);
    expect(sids).toEqual([1, 2].map((n) => participant(n).call_sid));
  });
});
