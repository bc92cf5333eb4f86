import { describe, expect, test } from "vitest";
import { LamlApiError, LamlClientError } from "../src/index.js";
import { fakeFetch, json, lamlError } from "./support/fake-fetch.js";
import { CALL_SID, CONFERENCE_SID, PROJECT_ID, participant, testClient } from "./support/fixtures.js";

const PATH = `/api/laml/2010-04-01/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}`;

async function errorFrom(answer: Response, options = {}): Promise<LamlApiError> {
  const { fetch } = fakeFetch(answer);
  const error = await testClient(fetch, { maxRetries: 0, ...options })
    .participants.get(CONFERENCE_SID, CALL_SID)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LamlApiError);
  return error as LamlApiError;
}

describe("LamlApiError", () => {
  test("carries status, code, moreInfo, the API's message, the method and the path", async () => {
    const error = await errorFrom(lamlError(404, 20404, "The requested resource was not found"));
    expect(error).toMatchObject({
      name: "LamlApiError",
      status: 404,
      code: 20404,
      moreInfo: "https://signalwire.com/docs/compatibility-api/rest/error-codes",
      method: "GET",
      path: PATH,
      body: {
        code: 20404,
        message: "The requested resource was not found",
        more_info: "https://signalwire.com/docs/compatibility-api/rest/error-codes",
        status: 404,
      },
    });
    expect(error.message).toBe(
      `HTTP 404, code 20404: The requested resource was not found (GET ${PATH}). Check the SIDs and accountSid.`,
    );
    expect(error).toBeInstanceOf(Error);
  });

  test("a 401 hints at the credentials and the token's Voice scope", async () => {
    const error = await errorFrom(lamlError(401, 20003, "Authentication failed"));
    expect(error.message).toMatch(
      /^HTTP 401, code 20003: Authentication failed \(GET .+\)\. Check projectId, apiToken and its Voice scope\.$/,
    );
  });

  test("a 429 that outlasts the retries gives the status, the code and the request", async () => {
    const error = await errorFrom(lamlError(429, 20429, "Too many requests"));
    expect(error).toMatchObject({ status: 429, code: 20429 });
    expect(error.message).toMatch(/^HTTP 429, code 20429: Too many requests \(GET .+\)\.$/);
  });

  test("a code sent as a numeric string becomes a number", async () => {
    const error = await errorFrom(lamlError(400, "21481", "The page token supplied was invalid"));
    expect(error.code).toBe(21481);
  });

  test("a code that is not a number is left out, and the body keeps it", async () => {
    const error = await errorFrom(lamlError(400, "E_BAD", "Bad"));
    expect(error.code).toBeUndefined();
    expect(error.body).toMatchObject({ code: "E_BAD" });
  });

  test("an HTML page from a proxy still gives a readable message", async () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;
    const error = await errorFrom(new Response(html, { status: 502, headers: { "Content-Type": "text/html" } }));
    expect(error).toMatchObject({ status: 502, code: undefined, moreInfo: undefined, body: html });
    expect(error.message).toBe(`HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx (GET ${PATH}).`);
  });

  test("a long text body is cut to 200 characters", async () => {
    const error = await errorFrom(new Response("x".repeat(5000), { status: 500 }));
    expect(error.message).toBe(`HTTP 500: ${"x".repeat(200)} (GET ${PATH}).`);
  });

  test("an empty body falls back to the status text", async () => {
    const error = await errorFrom(new Response(null, { status: 503, statusText: "Service Unavailable" }));
    expect(error.message).toBe(`HTTP 503: Service Unavailable (GET ${PATH}).`);
    expect(error.body ?? "").toBe("");
  });

  test("an empty body and no status text still say the status", async () => {
    const error = await errorFrom(new Response("", { status: 500 }));
    expect(error.message).toBe(`HTTP 500 (GET ${PATH}).`);
  });

  test("JSON in another shape is quoted in the message", async () => {
    const error = await errorFrom(json({ errors: ["PageSize must be at most 1000"] }, { status: 422 }));
    expect(error.message).toBe(`HTTP 422: {"errors":["PageSize must be at most 1000"]} (GET ${PATH}).`);
  });

  test("a redirect is not followed and reported with its status", async () => {
    const { fetch, requests } = fakeFetch(
      new Response(null, { status: 301, headers: { Location: "https://elsewhere.example.com/" } }),
    );
    const error = await testClient(fetch)
      .participants.get(CONFERENCE_SID, CALL_SID)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 301 });
    expect(requests).toHaveLength(1);
  });

  test("the path keeps the query of a list request", async () => {
    const { fetch } = fakeFetch(lamlError(400, 10000, "Invalid PageSize"));
    const error = await testClient(fetch)
      .participants.pages(CONFERENCE_SID, { PageSize: 5000 })
      .next()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      path: `/api/laml/2010-04-01/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants?PageSize=5000`,
    });
  });

  test("update and remove name their methods", async () => {
    const { fetch } = fakeFetch(lamlError(422, 10000, "Conference completed"), lamlError(404, 20404, "Not found"));
    const laml = testClient(fetch);
    await expect(laml.participants.update(CONFERENCE_SID, CALL_SID, { Muted: true })).rejects.toMatchObject({
      method: "POST",
      message: expect.stringContaining(`(POST ${PATH})`),
    });
    await expect(laml.participants.remove(CONFERENCE_SID, CALL_SID)).rejects.toMatchObject({ method: "DELETE" });
  });
});

describe("response metadata", () => {
  test("LamlApiError carries the answer's headers and its request id", async () => {
    const { fetch } = fakeFetch(
      lamlError(404, 20404, "Not found", { "Twilio-Request-Id": "RQ1", "X-RateLimit-Remaining": "99" }),
      lamlError(404, 20404, "Not found", { "X-Request-Id": "abc" }),
      lamlError(404, 20404, "Not found"),
    );
    const laml = testClient(fetch);
    const errors = (await Promise.all(
      [1, 2, 3].map(() => laml.participants.get(CONFERENCE_SID, CALL_SID).catch((error: unknown) => error)),
    )) as LamlApiError[];
    expect(errors.map((error) => error.requestId)).toEqual(["RQ1", "abc", undefined]);
    expect(errors[0]?.headers.get("X-RateLimit-Remaining")).toBe("99");
  });

  test("withResponse() gives a successful call's data and Response", async () => {
    const { fetch } = fakeFetch(json(participant(1), { headers: { "X-Request-Id": "ok-1" } }));
    const { data, response } = await testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID).withResponse();
    expect(data).toEqual(participant(1));
    expect([response.status, response.headers.get("X-Request-Id")]).toEqual([200, "ok-1"]);
  });
});

describe("client errors that say what happened", () => {
  test("a blocked redirect (a browser's opaqueredirect, status 0) is a LamlClientError saying why", async () => {
    const { fetch, requests } = fakeFetch(() =>
      Object.defineProperty(new Response(null, { status: 200 }), "type", { value: "opaqueredirect" }),
    );
    const failure = await testClient(fetch)
      .participants.get(CONFERENCE_SID, CALL_SID)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LamlClientError);
    expect((failure as Error).message).toMatch(
      /^GET \/api\/laml\/\S+ was redirected, and the client follows no redirect so that credentials never go elsewhere\. Check that spaceUrl/,
    );
    expect(requests).toHaveLength(1);
  });

  test("a network TypeError names its innermost cause", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4010"), { code: "ECONNREFUSED" });
    const undici = new TypeError("fetch failed", { cause: new AggregateError([refused], "") });
    const { fetch } = fakeFetch(undici);
    const failure = (await testClient(fetch, { maxRetries: 0 })
      .participants.get(CONFERENCE_SID, CALL_SID)
      .catch((error: unknown) => error)) as TypeError;
    expect(failure.message).toMatch(/^GET \/api\/laml\/\S+: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:4010\)$/);
    expect(failure.cause).toBe(undici);
  });
});
