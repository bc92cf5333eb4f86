import { afterEach, describe, expect, test, vi } from "vitest";
import { createLamlClient, LamlClientError } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";
import { API_TOKEN, CALL_SID, CONFERENCE_SID, PROJECT_ID, participant, testClient } from "./support/fixtures.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Creates a client for `spaceUrl` and returns the URL its first request goes to. */
async function firstUrl(spaceUrl: string): Promise<string> {
  const { fetch, requests } = fakeFetch(json(participant(1)));
  await testClient(fetch, { spaceUrl }).participants.get(CONFERENCE_SID, CALL_SID);
  return requests[0]?.url ?? "";
}

const PATH = `/api/laml/2010-04-01/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}`;

describe("spaceUrl", () => {
  test.each([
    ["example.signalwire.com", `https://example.signalwire.com${PATH}`],
    ["https://example.signalwire.com", `https://example.signalwire.com${PATH}`],
    ["https://example.signalwire.com/", `https://example.signalwire.com${PATH}`],
    ["https://example.signalwire.com/api/laml/2010-04-01", `https://example.signalwire.com${PATH}`],
    ["https://example.signalwire.com/api/laml/2010-04-01/", `https://example.signalwire.com${PATH}`],
    ["http://127.0.0.1:4010", `http://127.0.0.1:4010${PATH}`],
    ["http://localhost:4010/api/laml/2010-04-01", `http://localhost:4010${PATH}`],
    ["http://[::1]:4010", `http://[::1]:4010${PATH}`],
    ["http://127.1.2.3", `http://127.1.2.3${PATH}`],
  ])("accepts %s without doubling the API path", async (spaceUrl, url) => {
    expect(await firstUrl(spaceUrl)).toBe(url);
  });

  test.each([
    "http://example.signalwire.com",
    "http://10.0.0.5:4010",
    "http://localhost.example.com",
    "ftp://example.com",
  ])("requires https for %s, which is not loopback", (spaceUrl) => {
    expect(() => testClient(fakeFetch().fetch, { spaceUrl })).toThrow(/must use https/);
  });

  test.each([
    "https://example.signalwire.com/other",
    "https://example.signalwire.com/api/laml",
    "https://example.signalwire.com?x=1",
    "https://example.signalwire.com/#top",
    "https://exa mple.com",
  ])("rejects %s with the forms it accepts", (spaceUrl) => {
    expect(() => testClient(fakeFetch().fetch, { spaceUrl })).toThrow(
      "Invalid spaceUrl: expected a host like example.signalwire.com or its URL, without credentials.",
    );
  });

  test("rejects credentials in the URL without echoing them", () => {
    const attempt = () => testClient(fakeFetch().fetch, { spaceUrl: `https://${PROJECT_ID}:${API_TOKEN}@example.com` });
    expect(attempt).toThrow(LamlClientError);
    expect(attempt).not.toThrow(API_TOKEN);
  });
});

describe("required options", () => {
  test.each([
    ["spaceUrl", "SIGNALWIRE_SPACE_URL or SIGNALWIRE_SPACE"],
    ["projectId", "SIGNALWIRE_PROJECT_ID"],
    ["apiToken", "SIGNALWIRE_API_TOKEN"],
  ] as const)("a missing %s names the option and the variable %s", (option, variable) => {
    for (const name of variable.split(" or ")) vi.stubEnv(name, "");
    const options = {
      spaceUrl: "example.signalwire.com",
      projectId: PROJECT_ID,
      apiToken: API_TOKEN,
      [option]: undefined,
    };
    expect(() => createLamlClient(options)).toThrow(
      new LamlClientError(`Missing ${option}: pass { ${option} } to createLamlClient() or set ${variable}.`),
    );
  });

  test("fall back to SIGNALWIRE_SPACE_URL, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN", async () => {
    vi.stubEnv("SIGNALWIRE_SPACE_URL", "env.signalwire.com");
    vi.stubEnv("SIGNALWIRE_PROJECT_ID", PROJECT_ID);
    vi.stubEnv("SIGNALWIRE_API_TOKEN", API_TOKEN);
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await createLamlClient({ fetch }).participants.get(CONFERENCE_SID, CALL_SID);
    expect(requests[0]?.url).toBe(`https://env.signalwire.com${PATH}`);
    expect(requests[0]?.headers.get("Authorization")).toBe(`Basic ${btoa(`${PROJECT_ID}:${API_TOKEN}`)}`);
  });

  test("SIGNALWIRE_SPACE, the newer SDK's bare space host, is read after SIGNALWIRE_SPACE_URL", async () => {
    vi.stubEnv("SIGNALWIRE_SPACE_URL", "");
    vi.stubEnv("SIGNALWIRE_SPACE", "space.signalwire.com");
    const { fetch, requests } = fakeFetch(json(participant(1)), json(participant(1)));
    await createLamlClient({ fetch, projectId: PROJECT_ID, apiToken: API_TOKEN }).participants.get(
      CONFERENCE_SID,
      CALL_SID,
    );
    vi.stubEnv("SIGNALWIRE_SPACE_URL", "url.signalwire.com");
    await createLamlClient({ fetch, projectId: PROJECT_ID, apiToken: API_TOKEN }).participants.get(
      CONFERENCE_SID,
      CALL_SID,
    );
    expect(requests.map((r) => new URL(r.url).host)).toEqual(["space.signalwire.com", "url.signalwire.com"]);
  });

  test("options win over the environment", async () => {
    vi.stubEnv("SIGNALWIRE_SPACE_URL", "env.signalwire.com");
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID);
    expect(requests[0]?.url).toMatch(/^https:\/\/example\.signalwire\.com\//);
  });

  test("an invalid projectId is refused before any request", () => {
    expect(() => testClient(fakeFetch().fetch, { projectId: "proj:ect" })).toThrow('Invalid projectId "proj:ect"');
  });
});

describe("accountSid", () => {
  test("defaults to projectId", () => {
    expect(testClient(fakeFetch().fetch).accountSid).toBe(PROJECT_ID);
  });

  test("goes into paths when given, while projectId stays the user name", async () => {
    const accountSid = "c7e4a1b2-9d3f-4e6a-8b5c-2f1e0d9c8b7a";
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await testClient(fetch, { accountSid }).participants.get(CONFERENCE_SID, CALL_SID);
    expect(requests[0]?.url).toContain(`/Accounts/${accountSid}/`);
    expect(requests[0]?.headers.get("Authorization")).toBe(`Basic ${btoa(`${PROJECT_ID}:${API_TOKEN}`)}`);
  });

  test("must be a safe SID", () => {
    expect(() => testClient(fakeFetch().fetch, { accountSid: "../admin" })).toThrow('Invalid accountSid "../admin"');
  });
});

describe("numbers", () => {
  test.each([
    ["timeoutMs", 0],
    ["timeoutMs", -1],
    ["timeoutMs", 1.5],
    ["timeoutMs", 2 ** 31],
    ["timeoutMs", Number.NaN],
    ["maxRetries", -1],
    ["maxRetries", 11],
    ["maxRetries", 0.5],
  ] as const)("%s: %d is refused with the range it takes", (option, value) => {
    expect(() => testClient(fakeFetch().fetch, { [option]: value })).toThrow(
      new RegExp(`^Invalid ${option} ${value}: expected a whole number from \\d+ to \\d+\\.$`),
    );
  });

  test("maxRetries: 0 and timeoutMs: 1 are accepted", () => {
    expect(() => testClient(fakeFetch().fetch, { maxRetries: 0, timeoutMs: 1 })).not.toThrow();
  });
});

describe("headers", () => {
  test("authenticates with HTTP Basic, encoding the credentials as UTF-8", async () => {
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await testClient(fetch, { apiToken: "jeton-é-✓" }).participants.get(CONFERENCE_SID, CALL_SID);
    const encoded = requests[0]?.headers.get("Authorization")?.replace(/^Basic /, "") ?? "";
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe(
      `${PROJECT_ID}:jeton-é-✓`,
    );
  });

  test("sends User-Agent laml-client/<version> by default", async () => {
    const { version } = (await import("../package.json", { with: { type: "json" } })).default;
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID);
    expect(requests[0]?.headers.get("User-Agent")).toBe(`laml-client/${version}`);
  });

  test("sends the userAgent given", async () => {
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await testClient(fetch, { userAgent: "my-app/2.0" }).participants.get(CONFERENCE_SID, CALL_SID);
    expect(requests[0]?.headers.get("User-Agent")).toBe("my-app/2.0");
  });
});

describe("fetch", () => {
  test("uses the global fetch when none is given, looked up at call time, with a URL and an init", async () => {
    // The global fetch is not handed a Request: it would copy one into another at its own cost.
    const global = vi.fn(async (_url: URL, _init: RequestInit) => json(participant(1)));
    vi.stubGlobal("fetch", global);
    try {
      await createLamlClient({
        spaceUrl: "example.signalwire.com",
        projectId: PROJECT_ID,
        apiToken: API_TOKEN,
      }).participants.get(CONFERENCE_SID, CALL_SID);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(global).toHaveBeenCalledOnce();
    const [url, init] = global.mock.calls[0] ?? [];
    expect(String(url)).toBe(
      `https://example.signalwire.com/api/laml/2010-04-01/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}`,
    );
    expect(init).toMatchObject({ method: "GET", redirect: "manual", signal: expect.any(AbortSignal) });
    expect(new Headers(init?.headers).get("Authorization")).toMatch(/^Basic /);
  });
});
