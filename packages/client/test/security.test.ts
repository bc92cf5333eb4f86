import { inspect } from "node:util";
import { afterEach, describe, expect, test, vi } from "vitest";
import { LamlApiError, LamlClientError, withRaw } from "../src/index.js";
import { fakeFetch, json, lamlError, networkError } from "./support/fake-fetch.js";
import { API_TOKEN, CALL_SID, CONFERENCE_SID, PROJECT_ID, SPACE_URL, testClient } from "./support/fixtures.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every form in which the token could leak: as is, and inside the Basic credentials. */
const SECRETS = [API_TOKEN, btoa(`${PROJECT_ID}:${API_TOKEN}`)];

function expectNoSecret(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe("the API token never shows", () => {
  test("in util.inspect or JSON.stringify of the client", () => {
    const laml = testClient(fakeFetch().fetch);
    expectNoSecret(inspect(laml, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }));
    expectNoSecret(JSON.stringify(laml));
    expectNoSecret(inspect(withRaw(laml), { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }));
    expectNoSecret(JSON.stringify(withRaw(laml)));
    expectNoSecret(inspect(withRaw(laml).raw, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
  });

  test("in an API error's message, stack, util.inspect or JSON.stringify", async () => {
    const { fetch } = fakeFetch(lamlError(401, 20003, "Authentication failed"));
    const error = await testClient(fetch)
      .participants.get(CONFERENCE_SID, CALL_SID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LamlApiError);
    const { message, stack } = error as LamlApiError;
    for (const text of [
      message,
      stack ?? "",
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(error),
    ]) {
      expectNoSecret(text);
    }
  });

  test("in a network error or a timeout", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetch } = fakeFetch(networkError(), networkError(), networkError());
    const failure = await testClient(fetch)
      .participants.get(CONFERENCE_SID, CALL_SID)
      .catch((e: unknown) => e);
    expectNoSecret(inspect(failure, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
  });

  test("in client-side errors", () => {
    const errors = [
      () => testClient(fakeFetch().fetch, { spaceUrl: "http://example.signalwire.com" }),
      () => testClient(fakeFetch().fetch, { timeoutMs: -1 }),
      () => testClient(fakeFetch().fetch).participants.list("../x"),
    ].map((attempt) => {
      try {
        attempt();
      } catch (error) {
        return error;
      }
      throw new Error("expected a LamlClientError");
    });
    for (const error of errors) {
      expect(error).toBeInstanceOf(LamlClientError);
      expectNoSecret(inspect(error, { showHidden: true }));
    }
  });

  test("in anything the client logs (it logs nothing)", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    const { fetch } = fakeFetch(lamlError(401, 20003, "Authentication failed"));
    await testClient(fetch)
      .participants.get(CONFERENCE_SID, CALL_SID)
      .catch(() => {});
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  test("to middleware of the raw client, which sees requests before credentials are added", async () => {
    const seen: string[] = [];
    const { fetch, requests } = fakeFetch(new Response(null, { status: 204 }));
    const laml = withRaw(testClient(fetch));
    laml.raw.use({
      onRequest({ request }) {
        seen.push(request.headers.get("Authorization") ?? "none");
      },
    });
    await laml.raw.DELETE("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}", {
      params: { path: { AccountSid: PROJECT_ID, ConferenceSid: CONFERENCE_SID, CallSid: CALL_SID } },
    });
    expect(seen).toEqual(["none"]);
    expect(requests[0]?.headers.get("Authorization")).toMatch(/^Basic /);
  });
});

describe("credentials go only to the configured origin", () => {
  test("refuses to send credentials to another origin given as a raw call's baseUrl", async () => {
    const { fetch, requests } = fakeFetch();
    const laml = withRaw(testClient(fetch));
    const call = laml.raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
      baseUrl: "https://evil.example.com/api/laml/2010-04-01",
      params: { path: { AccountSid: PROJECT_ID, ConferenceSid: CONFERENCE_SID } },
    });
    await expect(call).rejects.toThrow(
      new LamlClientError(`Refused https://evil.example.com: credentials go only to ${SPACE_URL}, the spaceUrl.`),
    );
    expect(requests).toHaveLength(0);
  });

  test("the gate compares origins, not text: look-alikes are refused, another spelling of the origin is not", async () => {
    const { fetch, requests } = fakeFetch(json({}), json({}));
    const { send } = testClient(fetch).core;
    for (const [url, refused] of [
      ["https://example.signalwire.com.evil.example/api", "https://example.signalwire.com.evil.example"],
      ["https://example.signalwire.com@evil.example/api", "https://evil.example"],
      ["https://example.signalwire.com:8443/api", "https://example.signalwire.com:8443"],
      ["http://example.signalwire.com/api", "http://example.signalwire.com"],
    ]) {
      await expect(send(url as string, { method: "GET" })).rejects.toThrow(`Refused ${refused}: credentials go only`);
    }
    expect(requests).toHaveLength(0);
    await send("HTTPS://Example.SignalWire.com:443/api/x", { method: "GET" });
    await send(new URL("/api/y", SPACE_URL), { method: "GET" });
    expect(requests.map((request) => request.url)).toEqual([`${SPACE_URL}/api/x`, `${SPACE_URL}/api/y`]);
  });

  test("asks fetch not to follow redirects, so credentials cannot follow one elsewhere", async () => {
    const redirects: RequestRedirect[] = [];
    const { fetch } = fakeFetch((request) => {
      redirects.push(request.redirect);
      return new Response(null, { status: 204 });
    });
    await testClient(fetch).participants.remove(CONFERENCE_SID, CALL_SID);
    expect(redirects).toEqual(["manual"]);
  });
});
