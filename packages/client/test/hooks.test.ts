import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { LamlClientError, type LamlLogger, withRaw } from "../src/index.js";
import { createObserver } from "../src/observe/create-observer.js";
import { fakeFetch, json, lamlError, networkError } from "./support/fake-fetch.js";
import { API_TOKEN, CALL_SID, CONFERENCE_SID, PROJECT_ID, participant, testClient } from "./support/fixtures.js";

beforeEach(() => {
  vi.spyOn(Math, "random").mockReturnValue(0);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const RAW_PATH = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}" as const;
const rawParams = { path: { AccountSid: PROJECT_ID, ConferenceSid: CONFERENCE_SID, CallSid: CALL_SID } };

/** A logger that keeps its lines, each with its level. */
function memoryLogger() {
  const lines: string[] = [];
  const logger: LamlLogger = {
    error: (line) => lines.push(`error ${line}`),
    warn: (line) => lines.push(`warn ${line}`),
    info: (line) => lines.push(`info ${line}`),
    debug: (line) => lines.push(`debug ${line}`),
  };
  return { lines, logger };
}

describe("hooks", () => {
  test("see every attempt, in order, awaited, from resource methods and raw alike", async () => {
    const events: string[] = [];
    const onRequest = async ({ method, attempt, headers }: { method: string; attempt: number; headers: Headers }) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      events.push(`request ${method} ${attempt} ${headers.get("Authorization")}`);
    };
    const { fetch } = fakeFetch(
      lamlError(503, 20504, "busy"),
      json(participant(1)),
      networkError(),
      json(participant(1)),
    );
    const laml = testClient(fetch, {
      onRequest,
      onResponse: ({ attempt, status, error }) =>
        void events.push(`response ${attempt} ${status ?? (error as Error).name}`),
      onRetry: ({ attempt, delayMs, status }) => void events.push(`retry ${attempt} ${delayMs} ${status}`),
    });
    await laml.participants.get(CONFERENCE_SID, CALL_SID);
    await withRaw(laml).raw.GET(RAW_PATH, { params: rawParams });
    expect(events).toEqual([
      "request GET 1 [redacted]",
      "response 1 503",
      "retry 2 0 503",
      "request GET 2 [redacted]",
      "response 2 200",
      "request GET 1 [redacted]",
      "response 1 TypeError",
      "retry 2 0 undefined",
      "request GET 2 [redacted]",
      "response 2 200",
    ]);
  });

  test("never see the token, and the request still carries it", async () => {
    const seen: unknown[] = [];
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await testClient(fetch, { onRequest: (event) => void seen.push(event) }).participants.get(CONFERENCE_SID, CALL_SID);
    const shown = JSON.stringify(seen, (_, value) => (value instanceof Headers ? Object.fromEntries(value) : value));
    expect(shown).not.toContain(API_TOKEN);
    expect(shown).not.toContain(btoa(`${PROJECT_ID}:${API_TOKEN}`));
    expect(requests[0]?.headers.get("Authorization")).toBe(`Basic ${btoa(`${PROJECT_ID}:${API_TOKEN}`)}`);
  });

  test.each(["onRequest", "onResponse", "onRetry"] as const)(
    "a throwing %s fails the call, naming the hook",
    async (hook) => {
      const cause = new Error("tracer down");
      const { fetch, requests } = fakeFetch(lamlError(503, 20504, "busy"), json(participant(1)));
      const failure = await testClient(fetch, { [hook]: () => Promise.reject(cause) })
        .participants.get(CONFERENCE_SID, CALL_SID)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(LamlClientError);
      expect(failure).toMatchObject({
        message: `The ${hook} hook threw: tracer down. Fix or catch it in the hook.`,
        cause,
      });
      expect(requests).toHaveLength(hook === "onRequest" ? 0 : 1);
    },
  );
});

describe("logging", () => {
  test("is off by default", async () => {
    const debug = vi.spyOn(console, "debug");
    const { fetch } = fakeFetch(json(participant(1)));
    await testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID);
    expect(debug).not.toHaveBeenCalled();
  });

  test("debug logs one line per attempt (method, path, status, ms, retry) and no credential", async () => {
    const { lines, logger } = memoryLogger();
    const { fetch } = fakeFetch(lamlError(429, 20429, "slow down"), json(participant(1)));
    await testClient(fetch, { logLevel: "debug", logger }).participants.get(CONFERENCE_SID, CALL_SID);
    const path = `/api/laml/2010-04-01/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}`;
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^debug laml: GET ${path} 429 \\d+ ms, retry 0$`)),
      `warn laml: GET ${path} 429: retry 1 of the request in 0 ms`,
      expect.stringMatching(new RegExp(`^debug laml: GET ${path} 200 \\d+ ms, retry 1$`)),
      `info laml: GET ${path} 200 after 2 attempts`,
    ]);
    for (const line of lines)
      expect(line).not.toMatch(new RegExp(`${API_TOKEN}|${btoa(`${PROJECT_ID}:${API_TOKEN}`)}`));
  });

  test("LAML_LOG sets the level, error logs only a request that failed for good, and a bad level is refused", async () => {
    vi.stubEnv("LAML_LOG", "error");
    const { lines, logger } = memoryLogger();
    const { fetch } = fakeFetch(json(participant(1)), lamlError(500, 20500, "down"), lamlError(500, 20500, "down"));
    const laml = testClient(fetch, { logger, maxRetries: 1 });
    await laml.participants.get(CONFERENCE_SID, CALL_SID);
    await expect(laml.participants.get(CONFERENCE_SID, CALL_SID)).rejects.toMatchObject({ status: 500 });
    expect(lines).toEqual([expect.stringMatching(/^error laml: GET \S+ 500: failed after 2 attempts$/)]);
    vi.stubEnv("LAML_LOG", "verbose");
    expect(() => testClient(fetch)).toThrow(
      new LamlClientError('Invalid logLevel "verbose" (or LAML_LOG): expected off, error, warn, info, debug.'),
    );
  });
});

describe("with no hook and logging off", () => {
  test("there is no observer, so each attempt only checks for one", () => {
    expect(createObserver({}, "off", console)).toBeUndefined();
    expect(createObserver({ onRetry: () => {} }, "off", console)).toBeDefined();
    expect(createObserver({}, "error", console)).toBeDefined();
  });

  test("a call times nothing and logs nothing; with a hook set, it times each attempt", async () => {
    const now = vi.spyOn(performance, "now");
    const log = vi.spyOn(console, "error");
    const { fetch } = fakeFetch(json(participant(1)), json(participant(1)));
    await testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID);
    expect(now).not.toHaveBeenCalled();
    await testClient(fetch, { onResponse: () => {} }).participants.get(CONFERENCE_SID, CALL_SID);
    expect(now).toHaveBeenCalledTimes(2);
    expect(log).not.toHaveBeenCalled();
  });
});
