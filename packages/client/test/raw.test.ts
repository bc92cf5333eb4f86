import type { Middleware } from "openapi-fetch";
import { describe, expect, test, vi } from "vitest";
import { withRaw } from "../src/index.js";
import { fakeFetch, json, lamlError } from "./support/fake-fetch.js";
import { API_ROOT, CALL_SID, CONFERENCE_SID, PROJECT_ID, page, participant, testClient } from "./support/fixtures.js";

const LIST = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants" as const;
const path = { AccountSid: PROJECT_ID, ConferenceSid: CONFERENCE_SID };

describe("withRaw(laml).raw", () => {
  test("keeps openapi-fetch's { data, response } on success, with the client's base URL and auth", async () => {
    const body = page([participant(1)], null);
    const { fetch, requests } = fakeFetch(json(body));
    const { data, error, response } = await withRaw(testClient(fetch)).raw.GET(LIST, {
      params: { path, query: { Hold: true } },
    });
    expect(data).toEqual(body);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.url).toBe(
      `${API_ROOT}/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants?Hold=true`,
    );
    expect(requests[0]?.headers.get("Authorization")).toMatch(/^Basic /);
  });

  test("keeps openapi-fetch's { error, response } on failure: it does not throw", async () => {
    const { fetch } = fakeFetch(lamlError(404, 20404, "Not found"));
    const { data, error, response } = await withRaw(testClient(fetch, { maxRetries: 0 })).raw.GET(LIST, {
      params: { path },
    });
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ code: 20404, message: "Not found", status: 404 });
    expect(response.status).toBe(404);
  });

  test("gets the same retries", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch, requests } = fakeFetch(lamlError(503, 20504, "down"), json(page([], null)));
    const { response } = await withRaw(testClient(fetch)).raw.GET(LIST, { params: { path } });
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(2);
    vi.restoreAllMocks();
  });

  test("sends POST bodies as a form, as the API takes them", async () => {
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await withRaw(testClient(fetch)).raw.POST(`${LIST}/{CallSid}`, {
      params: { path: { ...path, CallSid: CALL_SID } },
      body: { Muted: true, Coaching: false },
    });
    expect(requests[0]?.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(requests[0]?.body).toBe("Muted=true&Coaching=false");
  });

  test("is opt-in, keeps the client's other members, and is kept through withOptions with its defaults", async () => {
    const { fetch, requests } = fakeFetch(json(page([], null)), json(page([], null)));
    const laml = testClient(fetch);
    expect("raw" in laml).toBe(false);
    const withIt = withRaw(laml);
    expect([withIt.participants, withIt.accountSid, withIt.core]).toEqual([laml.participants, PROJECT_ID, laml.core]);
    const traced = withIt.withOptions({ headers: { "X-Trace": "t-1" } });
    await traced.raw.GET(LIST, { params: { path } });
    await traced.participants.pages(CONFERENCE_SID).next();
    expect(requests.map((r) => r.headers.get("X-Trace"))).toEqual(["t-1", "t-1"]);
  });

  describe("middleware gets a real Request, and the client's policy still applies after it", () => {
    /** A middleware that records what it was given and adds a header. */
    function tracing() {
      const seen: Array<{ isRequest: boolean; method: string; body: string | null }> = [];
      const middleware: Middleware = {
        async onRequest({ request }) {
          seen.push({
            isRequest: request instanceof Request,
            method: request.method,
            body: await request.clone().text(),
          });
          request.headers.set("X-Trace", "t-2");
        },
      };
      return { seen, middleware };
    }
    const update = { params: { path: { ...path, CallSid: CALL_SID } }, body: { Muted: true } };

    test("registered with use()", async () => {
      const { fetch, requests } = fakeFetch(json(participant(1)));
      const { raw } = withRaw(testClient(fetch));
      const { seen, middleware } = tracing();
      raw.use(middleware);
      await raw.POST(`${LIST}/{CallSid}`, update);
      expect(seen).toEqual([{ isRequest: true, method: "POST", body: "Muted=true" }]);
      expect(requests[0]?.headers.get("X-Trace")).toBe("t-2");
      expect(requests[0]?.headers.get("Authorization")).toMatch(/^Basic /);
      expect(requests[0]?.body).toBe("Muted=true");
    });

    test("given to one call, and to no other", async () => {
      const { fetch, requests } = fakeFetch(json(participant(1)), json(page([], null)));
      const { raw } = withRaw(testClient(fetch));
      const { seen, middleware } = tracing();
      await raw.POST(`${LIST}/{CallSid}`, { ...update, middleware: [middleware] });
      await raw.GET(LIST, { params: { path } });
      expect(seen).toEqual([{ isRequest: true, method: "POST", body: "Muted=true" }]);
      expect(requests.map((request) => request.headers.get("X-Trace"))).toEqual(["t-2", null]);
      expect(requests[0]?.body).toBe("Muted=true");
    });
  });
});
