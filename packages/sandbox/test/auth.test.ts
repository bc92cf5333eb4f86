import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { injectSandbox } from "./harness.js";

describe("authentication and isolation", () => {
  const sb = injectSandbox();
  const { state, account, conferenceSid } = sb;
  const callSid = state.addParticipant(account.projectId, conferenceSid);
  const other = state.addAccount();
  const othersConference = state.addConference(other.projectId);
  const othersCall = state.addParticipant(other.projectId, othersConference);

  test("refuses missing, malformed and wrong credentials with 401, code 20003; challenges only when none were sent", async () => {
    for (const authorization of [
      "",
      "Bearer abc",
      "Basic",
      "Basic !!!",
      sb.basic(account.projectId, "wrong"),
      sb.basic(other.projectId, account.apiToken),
    ]) {
      const response = await sb.request({ url: sb.participantsPath(), headers: { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(response.json()).toMatchObject({ code: 20003, status: 401 });
      // A browser holds a challenged request for a login prompt: only a request without
      // credentials is asked for them.
      if (authorization === "") expect(response.headers["www-authenticate"]).toMatch(/^Basic /);
      else expect(response.headers["www-authenticate"], authorization).toBeUndefined();
    }
    const none = await sb.app.inject({ url: sb.participantsPath() });
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Basic /);
  });

  test("never repeats the credentials it was sent", async () => {
    const response = await sb.request({
      url: sb.participantsPath(),
      headers: { authorization: sb.basic(account.projectId, "s3cret-typo") },
    });
    expect(response.body).not.toContain("s3cret-typo");
    expect(response.body).not.toContain(account.projectId);
  });

  test("keeps no token where a dump of the state could show it", () => {
    expect(inspect(state, { depth: 10, showHidden: true })).not.toContain(account.apiToken);
  });

  test("one account cannot read or change another's conference, and learns nothing of it", async () => {
    const asOwnPath = sb.participantsPath(othersConference);
    const asOtherAccountPath = sb.participantsPath(othersConference, other.projectId);
    const missing = sb.participantsPath(crypto.randomUUID());
    const answers = [];
    for (const path of [asOwnPath, asOtherAccountPath, missing]) {
      const list = await sb.request({ url: path });
      const update = await sb.update(othersCall, { Muted: "true" }, path);
      const remove = await sb.request({ method: "DELETE", url: `${path}/${othersCall}` });
      for (const response of [list, update, remove]) {
        expect(response.status).toBe(404);
        expect(response.json().code).toBe(20404);
      }
      answers.push(list.json().message.replace(/[0-9a-f-]{36}/g, "<sid>"));
    }
    // A conference that exists elsewhere gets the very answer a missing one gets.
    expect(new Set(answers).size).toBe(1);
    expect(state.participants(other.projectId, othersConference)[0]).toMatchObject({
      call_sid: othersCall,
      muted: false,
    });
  });

  test("an account's own participant in its own conference is reachable", async () => {
    expect((await sb.request({ url: `${sb.participantsPath()}/${callSid}` })).status).toBe(200);
  });
});
