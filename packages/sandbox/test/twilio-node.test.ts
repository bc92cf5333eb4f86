import twilio from "twilio";
import { afterAll, describe, expect, test } from "vitest";
import { startSandbox } from "../src/start-sandbox.js";
import { contractRecorder } from "./contract.js";

// twilio-node 6, a client nobody here wrote, against a real sandbox, set up as the README's
// "Use it with other SDKs" section says.

const contract = contractRecorder();
const sb = await startSandbox({ onResponse: contract.onResponse });
const { projectId, apiToken } = sb.addAccount();
const conferenceSid = sb.addConference(projectId);
for (let i = 0; i < 25; i++) sb.addParticipant(projectId, conferenceSid, { muted: i % 3 === 0, hold: i % 4 === 0 });
const everyone = sb.participants(projectId, conferenceSid);

afterAll(async () => {
  await sb.close();
  expect(contract.violations).toEqual([]);
});

/** twilio-node, pointed at the sandbox as the README documents. */
function twilioClient(token = apiToken) {
  // twilio-node refuses an account SID that does not start with AC: pass one that does, then
  // put back the Project ID, for the path and the Basic user name.
  const client = twilio(`AC${projectId}`, token);
  client.accountSid = projectId;
  client.username = projectId;
  // The origin only: twilio-node follows next_page_uri (which starts with /2010-04-01) against it.
  client.api.baseUrl = sb.url;
  return client;
}
const participants = (client = twilioClient(), conference = conferenceSid) =>
  client.api.v2010.account.conferences(conference).participants;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected a rejection"),
    (error: unknown) => error as { status: number; code: number; message: string },
  );

describe("twilio-node 6 against the sandbox", () => {
  test("lists every participant across pages, in order", async () => {
    const before = contract.exchanges.length;
    const listed = await participants().list({ pageSize: 4 });
    expect(listed.map((p) => p.callSid)).toEqual(everyone.map((p) => p.call_sid));
    // 25 participants, 4 a page: twilio-node followed next_page_uri six times.
    expect(contract.exchanges.length - before).toBe(7);
  });

  test("filters by Muted and Hold", async () => {
    const muted = await participants().list({ muted: true, pageSize: 3 });
    expect(muted.map((p) => p.callSid)).toEqual(everyone.filter((p) => p.muted).map((p) => p.call_sid));
    const both = await participants().list({ muted: true, hold: true });
    expect(both.map((p) => p.callSid)).toEqual(everyone.filter((p) => p.muted && p.hold).map((p) => p.call_sid));
  });

  test("fetches, updates and removes a participant", async () => {
    const [first, second] = everyone;
    if (!first || !second) throw new Error("the conference has no participants");
    const fetched = await participants().get(first.call_sid).fetch();
    expect(fetched).toMatchObject({ callSid: first.call_sid, muted: first.muted, conferenceSid });
    const updated = await participants().get(first.call_sid).update({ muted: !first.muted, hold: true });
    expect(updated).toMatchObject({ callSid: first.call_sid, muted: !first.muted, hold: true });
    expect(await participants().get(second.call_sid).remove()).toBe(true);
    expect(sb.participants(projectId, conferenceSid).map((p) => p.call_sid)).not.toContain(second.call_sid);
  });

  test("a missing participant is a RestException with the LaML 404", async () => {
    const error = await failure(participants().get(crypto.randomUUID()).fetch());
    expect(error).toMatchObject({ status: 404, code: 20404 });
    expect(error.message).toMatch(/^Participant [0-9a-f-]{36} was not found in conference /);
  });

  test("a wrong token is a RestException with the LaML 401", async () => {
    const error = await failure(participants(twilioClient("wrong")).list());
    expect(error).toMatchObject({ status: 401, code: 20003 });
    expect(error.message).toBe("Authentication failed: the Project ID or the API token is wrong");
  });
});
