import { describe, expect, test } from "vitest";
import { LamlClientError } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";
import { API_ROOT, CALL_SID, CONFERENCE_SID, PROJECT_ID, participant, testClient } from "./support/fixtures.js";

const ONE = `${API_ROOT}/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants/${CALL_SID}`;

describe("get", () => {
  test("reads one participant by conference and call SID", async () => {
    const answer = participant(1, { call_sid: CALL_SID });
    const { fetch, requests } = fakeFetch(json(answer));
    await expect(testClient(fetch).participants.get(CONFERENCE_SID, CALL_SID)).resolves.toEqual(answer);
    expect(requests).toMatchObject([{ method: "GET", url: ONE }]);
  });
});

describe("update", () => {
  test("sends a form body with booleans written true/false", async () => {
    const { fetch, requests } = fakeFetch(json(participant(1, { muted: false })));
    await testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, { Muted: false, Hold: true });
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.url).toBe(ONE);
    expect(requests[0]?.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(requests[0]?.body).toBe("Muted=false&Hold=true");
  });

  test("percent-encodes URLs in the form and leaves out unset fields", async () => {
    const { fetch, requests } = fakeFetch(json(participant(1)));
    await testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, {
      AnnounceUrl: "https://example.com/say?text=hi&voice=a b",
      AnnounceMethod: "GET",
      HoldUrl: undefined,
    });
    expect(new URLSearchParams(requests[0]?.body)).toEqual(
      new URLSearchParams({ AnnounceUrl: "https://example.com/say?text=hi&voice=a b", AnnounceMethod: "GET" }),
    );
    expect(requests[0]?.body).not.toContain("HoldUrl");
  });

  test("resolves to the updated participant", async () => {
    const updated = participant(1, { call_sid: CALL_SID, muted: false });
    const { fetch } = fakeFetch(json(updated));
    await expect(testClient(fetch).participants.update(CONFERENCE_SID, CALL_SID, { Muted: false })).resolves.toEqual(
      updated,
    );
  });
});

describe("remove", () => {
  test("sends DELETE and resolves to undefined on 204", async () => {
    const { fetch, requests } = fakeFetch(new Response(null, { status: 204 }));
    await expect(testClient(fetch).participants.remove(CONFERENCE_SID, CALL_SID)).resolves.toBeUndefined();
    expect(requests).toMatchObject([{ method: "DELETE", url: ONE, body: "" }]);
  });
});

describe("SIDs are checked before any request", () => {
  const unsafe = ["../x", "a/b", "%2e", "%2e%2e", "", " ", "a?b", "a#b", "a.json"];

  test.each(unsafe)("rejects the conference SID %j", async (sid) => {
    const { fetch, requests } = fakeFetch();
    const laml = testClient(fetch);
    await expect(laml.participants.get(sid, CALL_SID)).rejects.toThrow(LamlClientError);
    await expect(laml.participants.update(sid, CALL_SID, { Muted: true })).rejects.toThrow(LamlClientError);
    await expect(laml.participants.remove(sid, CALL_SID)).rejects.toThrow(LamlClientError);
    expect(() => laml.participants.list(sid)).toThrow(LamlClientError);
    expect(() => laml.participants.pages(sid)).toThrow(LamlClientError);
    expect(requests).toEqual([]);
  });

  test.each(unsafe)("rejects the call SID %j", async (sid) => {
    const { fetch, requests } = fakeFetch();
    await expect(testClient(fetch).participants.get(CONFERENCE_SID, sid)).rejects.toThrow(LamlClientError);
    expect(requests).toEqual([]);
  });

  test("says which SID is wrong and what a SID looks like", async () => {
    const { fetch } = fakeFetch();
    await expect(testClient(fetch).participants.get("../x", CALL_SID)).rejects.toThrow(
      `Invalid conferenceSid "../x": a SID (a UUID) is letters, digits and '-' only.`,
    );
    await expect(testClient(fetch).participants.remove(CONFERENCE_SID, "a/b")).rejects.toThrow(
      /^Invalid callSid "a\/b"/,
    );
  });

  test("rejects a SID that is not a string (plain JavaScript callers)", async () => {
    const { fetch } = fakeFetch();
    await expect(testClient(fetch).participants.get(42 as any, CALL_SID)).rejects.toThrow("Invalid conferenceSid 42");
  });
});
