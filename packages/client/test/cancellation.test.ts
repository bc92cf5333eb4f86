import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, hang, json, lamlError } from "./support/fake-fetch.js";
import { ANNOUNCE, CALL_SID, CONFERENCE_SID, nextUri, page, participant, testClient } from "./support/fixtures.js";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Resolves once `fetch` has seen `count` requests. */
async function until(requests: unknown[], count: number) {
  await vi.waitFor(() => expect(requests.length).toBeGreaterThanOrEqual(count));
}

describe("timeouts", () => {
  test("every attempt has its own timeout, and a timed-out GET is retried", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch, requests } = fakeFetch(hang, hang, json(participant(1)));
    await expect(testClient(fetch, { timeoutMs: 20 }).participants.get(CONFERENCE_SID, CALL_SID)).resolves.toEqual(
      participant(1),
    );
    expect(requests).toHaveLength(3);
  });

  test("the last timeout rejects with a TimeoutError naming the request and timeoutMs", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch } = fakeFetch(hang, hang);
    const error = await testClient(fetch, { timeoutMs: 20, maxRetries: 1 })
      .participants.get(CONFERENCE_SID, CALL_SID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({
      name: "TimeoutError",
      message: expect.stringMatching(/^GET https:\/\/\S+\/Participants\/\S+ timed out after 20 ms \(timeoutMs\)$/),
    });
  });

  test("the timeout covers a body that stalls after the headers", async () => {
    // The body is read after the attempt has answered (by openapi-fetch), so a stall there ends
    // the call with the timeout rather than a retry.
    const { fetch, requests } = fakeFetch(stalledBody, json(participant(1)));
    await expect(testClient(fetch, { timeoutMs: 20 }).participants.get(CONFERENCE_SID, CALL_SID)).rejects.toMatchObject(
      { name: "TimeoutError", message: expect.stringContaining("timed out after 20 ms") },
    );
    expect(requests).toHaveLength(1);
  });

  test("the caller's abort covers the reading of the body", async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch((request: Request) => {
      setTimeout(() => controller.abort(new Error("user gave up")), 5);
      return stalledBody(request);
    });
    await expect(
      testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID, { signal: controller.signal }),
    ).rejects.toThrow("user gave up");
  });

  test("a timed-out update is not retried: it may have been applied", async () => {
    const { fetch, requests } = fakeFetch(hang);
    await expect(
      testClient(fetch, { timeoutMs: 20 }).participants.update(CONFERENCE_SID, CALL_SID, ANNOUNCE),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(requests).toHaveLength(1);
  });
});

describe("cancellation", () => {
  test("a user's abort rejects promptly with the signal's reason and is never retried", async () => {
    const { fetch, requests } = fakeFetch(hang, json(participant(1)));
    const controller = new AbortController();
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID, { signal: controller.signal });
    await until(requests, 1);
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: "AbortError" });
    expect(requests).toHaveLength(1);
  });

  test("a custom abort reason is what the promise rejects with", async () => {
    const { fetch, requests } = fakeFetch(hang);
    const controller = new AbortController();
    const reason = new Error("user left the page");
    const result = testClient(fetch).participants.remove(CONFERENCE_SID, CALL_SID, { signal: controller.signal });
    await until(requests, 1);
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
  });

  test("an abort during the wait between attempts stops at once", async () => {
    vi.useFakeTimers();
    const { fetch, requests } = fakeFetch(lamlError(503, 20504, "down", { "Retry-After": "30" }), json(participant(1)));
    const controller = new AbortController();
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID, { signal: controller.signal });
    const settled = expect(result).rejects.toMatchObject({ name: "AbortError" });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await settled;
    expect(requests).toHaveLength(1);
  });

  test("an abort during the turn before the first attempt sends nothing and leaves no timer", async () => {
    vi.useFakeTimers();
    const { fetch, requests } = fakeFetch(json(participant(1)));
    const controller = new AbortController();
    const reason = new Error("changed my mind");
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID, { signal: controller.signal });
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
    expect(requests).toHaveLength(0);
    // The attempt's timeout would otherwise be left to fire, keeping the process alive.
    expect(vi.getTimerCount()).toBe(0);
  });

  test("an already aborted signal sends nothing and is left without a listener", async () => {
    const { fetch, requests } = fakeFetch();
    const signal = AbortSignal.abort();
    const listen = vi.spyOn(signal, "addEventListener");
    await expect(
      testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, { Muted: true }, { signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(requests).toHaveLength(0);
    expect(listen).not.toHaveBeenCalled();
  });

  test("list stops between pages when the signal fires", async () => {
    const { fetch, requests } = fakeFetch(json(page([participant(1)], nextUri(1))), hang);
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const p of testClient(fetch).participants.list(CONFERENCE_SID, { signal: controller.signal })) {
        seen.push(p.call_sid);
      }
    })();
    await until(requests, 2);
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toEqual([participant(1).call_sid]);
    expect(requests).toHaveLength(2);
  });

  test("the signal of pages() reaches every page request", async () => {
    const { fetch, requests } = fakeFetch(json(page([], nextUri(1))), hang);
    const controller = new AbortController();
    const pages = testClient(fetch).participants.pages(CONFERENCE_SID, { signal: controller.signal });
    await pages.next();
    const second = pages.next();
    await until(requests, 2);
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("with a fetch that ignores the signal", () => {
  // The client does not rely on fetch heeding the abort: the wait for the answer and for the body
  // ends on time either way.
  const never = () => new Promise<Response>(() => {});

  test("the timeout still ends the call", async () => {
    const { fetch } = fakeFetch(never);
    await expect(
      testClient(fetch, { timeoutMs: 20, maxRetries: 0 }).participants.get(CONFERENCE_SID, CALL_SID),
    ).rejects.toMatchObject({ name: "TimeoutError" });
  });

  test("the caller's abort still ends the call", async () => {
    const { fetch, requests } = fakeFetch(never);
    const controller = new AbortController();
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID, { signal: controller.signal });
    await until(requests, 1);
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: "AbortError" });
  });

  test("the timeout still ends a body that stalls", async () => {
    const stalled = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"call_sid":'));
      },
    });
    const { fetch } = fakeFetch(new Response(stalled, { headers: { "Content-Type": "application/json" } }));
    await expect(testClient(fetch, { timeoutMs: 20 }).participants.list(CONFERENCE_SID).next()).rejects.toMatchObject({
      name: "TimeoutError",
    });
  });
});

describe("after garbage collection", () => {
  // Regression: in Node's fetch a Request's signal stops following the signal it was made with
  // once the Request is garbage-collected. A fetch that holds only the signal (as this fake and
  // many test doubles do) then never saw the timeout, and the call hung forever.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  async function collectGarbage() {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  test("the timeout still aborts an attempt", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch, requests } = fakeFetch(hang, json(participant(1)));
    const result = testClient(fetch, { timeoutMs: 100 }).participants.get(CONFERENCE_SID, CALL_SID);
    await until(requests, 1);
    await collectGarbage();
    await expect(result).resolves.toEqual(participant(1));
  });

  test("a user's abort still reaches the request", async () => {
    const { fetch, requests } = fakeFetch(hang);
    const controller = new AbortController();
    const result = testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID, { signal: controller.signal });
    await until(requests, 1);
    await collectGarbage();
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: "AbortError" });
  });
});

/** A JSON answer whose body sends a first chunk and then stalls until the request is aborted. */
function stalledBody(request: Request): Response {
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"call_sid":'));
      request.signal.addEventListener("abort", () => controller.error(request.signal.reason));
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/json" } });
}
