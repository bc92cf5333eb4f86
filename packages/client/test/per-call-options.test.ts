import { afterEach, describe, expect, test, vi } from "vitest";
import { LamlClientError, withRaw } from "../src/index.js";
import { fakeFetch, hang, json, lamlError } from "./support/fake-fetch.js";
import { CALL_SID, CONFERENCE_SID, PROJECT_ID, page, participant, testClient } from "./support/fixtures.js";

afterEach(() => {
  vi.restoreAllMocks();
});

const RAW_PATH = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}" as const;
const rawParams = { path: { AccountSid: PROJECT_ID, ConferenceSid: CONFERENCE_SID, CallSid: CALL_SID } };

describe("per-call options", () => {
  test("maxRetries and headers override the client's for that call only", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch, requests } = fakeFetch(
      lamlError(503, 20504, "busy"),
      lamlError(503, 20504, "busy"),
      json(participant(1)),
    );
    const laml = testClient(fetch, { headers: { "X-Team": "ops", "X-Trace": "client" } });
    await expect(
      laml.participants.get(CONFERENCE_SID, CALL_SID, { maxRetries: 0, headers: { "X-Trace": "call" } }),
    ).rejects.toMatchObject({ status: 503 });
    await laml.participants.get(CONFERENCE_SID, CALL_SID);
    expect(requests.map((r) => [r.headers.get("X-Team"), r.headers.get("X-Trace")])).toEqual([
      ["ops", "call"],
      ["ops", "client"],
      ["ops", "client"],
    ]);
  });

  test("timeoutMs overrides the client's, for resource methods, paging and raw (through its init)", async () => {
    const { fetch } = fakeFetch(hang, hang, hang);
    const laml = testClient(fetch, { maxRetries: 0 });
    const timedOut = { name: "TimeoutError", message: expect.stringContaining("timed out after 20 ms") };
    await expect(laml.participants.get(CONFERENCE_SID, CALL_SID, { timeoutMs: 20 })).rejects.toMatchObject(timedOut);
    await expect(laml.participants.pages(CONFERENCE_SID, { timeoutMs: 20 }).next()).rejects.toMatchObject(timedOut);
    const raw = withRaw(laml).raw.GET(RAW_PATH, { params: rawParams, timeoutMs: 20 } as { params: typeof rawParams });
    await expect(raw).rejects.toMatchObject(timedOut);
  });

  test("raw takes maxRetries and headers through its init", async () => {
    const { fetch, requests } = fakeFetch(lamlError(503, 20504, "busy"));
    const { response } = await withRaw(testClient(fetch)).raw.GET(RAW_PATH, {
      params: rawParams,
      headers: { "X-Trace": "raw" },
      maxRetries: 0,
    } as { params: typeof rawParams });
    expect([response.status, requests.length, requests[0]?.headers.get("X-Trace")]).toEqual([503, 1, "raw"]);
  });

  test("are checked like the client's", async () => {
    const laml = testClient(fakeFetch().fetch);
    await expect(laml.participants.get(CONFERENCE_SID, CALL_SID, { timeoutMs: 0 })).rejects.toThrow(
      new LamlClientError("Invalid timeoutMs 0: expected a whole number from 1 to 2147483647."),
    );
    expect(() => laml.withOptions({ maxRetries: 11 })).toThrow("Invalid maxRetries 11");
  });
});

describe("withOptions", () => {
  test("returns a client with new defaults, sharing everything else, leaving the original as it was", async () => {
    const onRequest = vi.fn();
    const { fetch, requests } = fakeFetch(
      json(page([participant(1)], null)),
      json(participant(1)),
      json(participant(1)),
    );
    const laml = testClient(fetch, { onRequest, headers: { "X-Team": "ops" } });
    const tagged = laml.withOptions({ headers: { "X-Trace": "batch" }, maxRetries: 0 });
    for await (const p of tagged.participants.list(CONFERENCE_SID)) expect(p).toEqual(participant(1));
    await tagged.participants.get(CONFERENCE_SID, CALL_SID, { headers: { "X-Trace": "call" } });
    await laml.participants.get(CONFERENCE_SID, CALL_SID);
    expect(requests.map((r) => [r.headers.get("X-Team"), r.headers.get("X-Trace")])).toEqual([
      ["ops", "batch"],
      ["ops", "call"],
      ["ops", null],
    ]);
    expect(onRequest).toHaveBeenCalledTimes(3);
    expect(tagged.accountSid).toBe(laml.accountSid);
  });

  test("a default signal and a call's signal both apply", async () => {
    const shutdown = new AbortController();
    const { fetch } = fakeFetch(hang, hang);
    const laml = testClient(fetch).withOptions({ signal: shutdown.signal });
    const call = new AbortController();
    const first = laml.participants.get(CONFERENCE_SID, CALL_SID, { signal: call.signal });
    call.abort(new Error("call aborted"));
    await expect(first).rejects.toThrow("call aborted");
    const second = laml.participants.get(CONFERENCE_SID, CALL_SID, { signal: new AbortController().signal });
    shutdown.abort(new Error("shutting down"));
    await expect(second).rejects.toThrow("shutting down");
  });
});
