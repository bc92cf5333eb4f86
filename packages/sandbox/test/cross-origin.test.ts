import { afterAll, describe, expect, test } from "vitest";
import { startSandbox } from "../src/start-sandbox.js";
import { contractRecorder } from "./contract.js";
import { injectSandbox } from "./harness.js";

// What a web page on another origin meets, sent with `fetch` and the `Origin` header a browser
// would add: the API answers it; the admin API, which takes no credentials, does not.

const contract = contractRecorder();
const sb = await startSandbox({ onResponse: contract.onResponse });
const only = await startSandbox({ corsOrigin: "http://app.test:5173" });
afterAll(async () => {
  await Promise.all([sb.close(), only.close()]);
  expect(contract.violations).toEqual([]);
});
const { projectId, apiToken } = sb.addAccount();
const conferenceSid = sb.addConference(projectId);
const callSid = sb.addParticipant(projectId, conferenceSid);
const path = `/2010-04-01/Accounts/${projectId}/Conferences/${conferenceSid}/Participants`;
const authorization = `Basic ${Buffer.from(`${projectId}:${apiToken}`).toString("base64")}`;
const page = "http://page.test:8080";
const preflight = (origin: string, url: string, method = "GET") =>
  fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization" },
  });

describe("the API, from a page on another origin", () => {
  test("answers a preflight with the path's methods and the headers asked for", async () => {
    const list = await preflight(page, `${sb.url}${path}.json`);
    expect(list.status).toBe(204);
    expect(Object.fromEntries(list.headers)).toMatchObject({
      "access-control-allow-origin": page,
      "access-control-allow-methods": "GET",
      "access-control-allow-headers": "authorization",
      vary: "Origin",
    });
    const one = await preflight(page, `${sb.url}${path}/${callSid}`, "DELETE");
    expect(one.status).toBe(204);
    expect(one.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE");
  });

  test("names the origin on every answer, errors and injected faults included, and exposes Retry-After", async () => {
    const ok = await fetch(`${sb.url}${path}.json`, { headers: { origin: page, authorization } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(page);
    expect(ok.headers.get("access-control-expose-headers")).toBe("Retry-After");
    sb.faults.next("429");
    const limited = await fetch(`${sb.url}${path}.json`, { headers: { origin: page, authorization } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("access-control-allow-origin")).toBe(page);
    expect(limited.headers.get("retry-after")).toBe("1");
    const missing = await fetch(`${sb.url}${path}/${crypto.randomUUID()}`, {
      headers: { origin: page, authorization },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("access-control-allow-origin")).toBe(page);
  });

  test("a wrong token is a plain 401 (no challenge that a browser would hold for a login prompt)", async () => {
    const wrong = `Basic ${Buffer.from(`${projectId}:wrong`).toString("base64")}`;
    const response = await fetch(`${sb.url}${path}.json`, { headers: { origin: page, authorization: wrong } });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(page);
    expect(response.headers.get("www-authenticate")).toBeNull();
  });

  test("a preflight of a path the API does not serve is its 404", async () => {
    const response = await preflight(page, `${sb.url}/2010-04-01/Calls.json`);
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe(20404);
  });

  test("with corsOrigin, answers only that origin's pages", async () => {
    const allowed = await preflight("http://app.test:5173", `${only.url}${path}.json`);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://app.test:5173");
    const other = await preflight(page, `${only.url}${path}.json`);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    // Not a preflight the sandbox takes: a plain OPTIONS, which no operation has.
    expect(other.status).toBe(405);
  });
});

describe("the admin API", () => {
  const faults = () => `${sb.url}/__sandbox/faults`;
  const put = (headers: Record<string, string>) =>
    fetch(faults(), {
      method: "PUT",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ latencyMs: 5000 }),
    });

  test("refuses a request from a page on another origin, changing nothing", async () => {
    for (const origin of [page, "null", `http://localhost:${new URL(sb.url).port}`]) {
      const response = await put({ origin });
      expect(response.status, origin).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect((await response.json()).message).toMatch(
        /^The admin API answers no cross-origin request \(Origin .*\), so that a web page cannot reconfigure the sandbox/,
      );
      expect((await fetch(faults(), { headers: { origin } })).status).toBe(403);
      expect((await fetch(faults(), { method: "DELETE", headers: { origin } })).status).toBe(403);
    }
    expect(sb.faults.settings).toEqual({});
  });

  test("refuses every preflight", async () => {
    for (const origin of [page, sb.url]) {
      const response = await preflight(origin, faults(), "PUT");
      expect(response.status, origin).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  test("answers tools and tests (no Origin) and its own origin", async () => {
    expect((await put({})).status).toBe(200);
    expect((await fetch(faults(), { method: "DELETE", headers: { origin: sb.url } })).status).toBe(200);
    expect(sb.faults.settings).toEqual({});
  });

  describe("by host name", () => {
    const local = injectSandbox();
    test("answers only a request to an IP address or localhost", async () => {
      for (const host of ["127.0.0.1:4010", "localhost:4010", "[::1]:4010"]) {
        const response = await local.app.inject({ url: "/__sandbox/faults", headers: { host } });
        expect(response.statusCode, host).toBe(200);
      }
      // A page whose domain was re-pointed at 127.0.0.1 sends its own name, and its origin.
      const rebound = await local.app.inject({
        url: "/__sandbox/faults",
        headers: { host: "attacker.test:4010", origin: "http://attacker.test:4010" },
      });
      expect(rebound.statusCode).toBe(403);
      expect(rebound.json().message).toBe(
        "The admin API answers only requests to an IP address or localhost, not to attacker.test",
      );
    });
  });
});
