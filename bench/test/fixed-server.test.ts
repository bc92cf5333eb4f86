import { errorCodes, parameter } from "@laml/spec";
import type { ParticipantPage } from "@laml/types";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FixedServer, startFixedServer } from "../src/fixed-server.mjs";
import { specFacts } from "../src/spec-facts.mjs";

const authorization = `Basic ${btoa("446e9986-0848-4d46-a617-48793c5f5e07:token")}`;
const accountSid = "446e9986-0848-4d46-a617-48793c5f5e07";

describe("the fixed-answer server", () => {
  let server: FixedServer;
  beforeAll(async () => {
    server = await startFixedServer();
  });
  afterAll(() => server.close());

  const collection = (conferenceSid: string, prefix = specFacts.basePath) =>
    `${server.origin}${prefix}/Accounts/${accountSid}/Conferences/${conferenceSid}/Participants`;

  test("pages through every participant exactly once by following next_page_uri", async () => {
    const conferenceSid = server.addConference(120);
    const seen: string[] = [];
    let url: string | null = `${collection(conferenceSid)}?PageSize=50`;
    while (url) {
      const response: Response = await fetch(url, { headers: { authorization } });
      expect(response.status).toBe(200);
      const page: ParticipantPage = await response.json();
      seen.push(...page.participants.map((participant) => participant.call_sid));
      url = page.next_page_uri ? server.origin + page.next_page_uri : null;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });

  test("sends every field of the spec's example participant, with this conference's identifiers", async () => {
    const conferenceSid = server.addConference(1);
    const page = await (await fetch(collection(conferenceSid), { headers: { authorization } })).json();
    const [participant] = page.participants;
    expect(Object.keys(participant).sort()).toEqual(Object.keys(specFacts.exampleParticipant).sort());
    expect(participant).toMatchObject({ account_sid: accountSid, conference_sid: conferenceSid });
    expect(page.page_size).toBe(specFacts.defaultPageSize);
    expect(page.next_page_uri).toBeNull();
  });

  test("answers twilio-node's /2010-04-01 …/Participants.json path with URIs under that path", async () => {
    const conferenceSid = server.addConference(3);
    const response = await fetch(`${collection(conferenceSid, "/2010-04-01")}.json?PageSize=2`, {
      headers: { authorization },
    });
    const page = await response.json();
    expect(page.next_page_uri).toMatch(
      /^\/2010-04-01\/Accounts\/.+\/Participants\.json\?PageSize=2&Page=1&PageToken=PA/,
    );
  });

  test("writes page tokens that the spec's PageToken pattern accepts", async () => {
    const pattern = new RegExp(String(parameter("listParticipants", "PageToken").schema.pattern));
    const page = await (
      await fetch(`${collection(server.addConference(5))}?PageSize=2&Page=1`, { headers: { authorization } })
    ).json();
    for (const uri of [page.next_page_uri, page.previous_page_uri]) {
      expect(new URL(uri, server.origin).searchParams.get("PageToken")).toMatch(pattern);
    }
  });

  test("fails as the API does: the LaML error codes the spec lists for 401 and 404", async () => {
    const codeFor = (status: string) => errorCodes.find(({ statuses }) => statuses.includes(status))?.code;
    const anonymous = await fetch(collection(server.addConference(1)));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ status: 401, code: codeFor("401") });
    const missing = await fetch(collection("cafe0000-0000-4000-8000-000000000000"), { headers: { authorization } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404, code: codeFor("404") });
  });

  test("serves the same bytes for the same page every time", async () => {
    const url = `${collection(server.addConference(60))}?PageSize=50&Page=1`;
    const first = await (await fetch(url, { headers: { authorization } })).text();
    const second = await (await fetch(url, { headers: { authorization } })).text();
    expect(second).toBe(first);
  });

  test("refuses a request without credentials, as the API does", async () => {
    const response = await fetch(collection(server.addConference(1)));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ status: 401 });
  });

  test("answers 404 for a conference it does not have", async () => {
    const response = await fetch(collection("00000000-0000-4000-8000-00000000dead"), { headers: { authorization } });
    expect(response.status).toBe(404);
  });
});
