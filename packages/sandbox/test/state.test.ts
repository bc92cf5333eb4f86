import { describe, expect, test } from "vitest";
import { buildSandbox } from "../src/build-sandbox.js";
import { DEMO, DEMO_PARTICIPANTS, demoSeed } from "../src/cli/demo.js";
import { startSandbox } from "../src/start-sandbox.js";

describe("the programmatic API", () => {
  const { state } = buildSandbox();

  test("adds accounts with generated or given credentials, refusing duplicates and non-UUID IDs", () => {
    const generated = state.addAccount();
    expect(generated.projectId).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.apiToken.length).toBeGreaterThan(20);
    expect(state.addAccount({ projectId: "0b5e8d2c-1a2b-4c3d-8e9f-0a1b2c3d4e5f", apiToken: "t" }).apiToken).toBe("t");
    expect(() => state.addAccount({ projectId: "0b5e8d2c-1a2b-4c3d-8e9f-0a1b2c3d4e5f" })).toThrow("already exists");
    expect(() => state.addAccount({ projectId: "AC123" })).toThrow("addAccount: projectId must be a UUID, got AC123");
    expect(() => state.addAccount({ apiToken: "" })).toThrow("apiToken must be a non-empty string");
  });

  test("adds participants with the spec's fields and defaults, and says which field is wrong", () => {
    const { projectId } = state.addAccount();
    const conference = state.addConference(projectId, { friendlyName: "Weekly" });
    const callSid = state.addParticipant(projectId, conference, {
      muted: true,
      date_created: "Mon, 24 Sep 2018 21:00:00 +0000",
    });
    expect(state.participants(projectId, conference)).toEqual([
      {
        account_sid: projectId,
        call_sid: callSid,
        call_sid_to_coach: null,
        coaching: false,
        conference_sid: conference,
        date_created: "Mon, 24 Sep 2018 21:00:00 +0000",
        date_updated: "Mon, 24 Sep 2018 21:00:00 +0000",
        end_conference_on_exit: false,
        hold: false,
        muted: true,
        start_conference_on_enter: true,
        status: "in-progress",
        uri: `/api/laml/2010-04-01/Accounts/${projectId}/Conferences/${conference}/Participants/${callSid}.json`,
      },
    ]);
    expect(() => state.addParticipant(projectId, conference, { muted: "yes" as never })).toThrow(
      "addParticipant: muted must be true or false, got yes",
    );
    expect(() => state.addParticipant(projectId, conference, { mutd: true } as never)).toThrow(
      "mutd is not a participant field",
    );
    expect(() => state.addParticipant(projectId, conference, { call_sid: callSid })).toThrow(
      "has already been in conference",
    );
    expect(() => state.addParticipant(projectId, conference, { date_created: "yesterday" })).toThrow("RFC 2822");
    expect(() => state.addParticipant(projectId, crypto.randomUUID())).toThrow("add it with addConference first");
    expect(() => state.addConference(crypto.randomUUID())).toThrow("add it with addAccount first");
  });

  test("removeParticipant says whether someone left", () => {
    const { projectId } = state.addAccount();
    const conference = state.addConference(projectId);
    const callSid = state.addParticipant(projectId, conference);
    expect(state.removeParticipant(projectId, conference, callSid)).toBe(true);
    expect(state.removeParticipant(projectId, conference, callSid)).toBe(false);
  });
});

describe("seeds", () => {
  test("the demo seed has the fixed demo account and a conference of a few dozen participants", async () => {
    const sb = await startSandbox({ seed: demoSeed(Date.now()) });
    const participants = sb.participants(DEMO.projectId, DEMO.conferenceSid);
    expect(participants).toHaveLength(DEMO_PARTICIPANTS);
    expect(participants.some((p) => p.muted) && participants.some((p) => !p.muted)).toBe(true);
    expect(participants.some((p) => p.hold)).toBe(true);
    expect(participants.filter((p) => p.coaching)).toHaveLength(1);
    expect(demoSeed(0).accounts[0]?.conferences?.[0]?.participants?.map((p) => p.call_sid)).toEqual(
      participants.map((p) => p.call_sid),
    );
    await sb.close();
  });

  test("an invalid seed is refused with the path of the problem", () => {
    const seed = (participant: object) => ({
      accounts: [{ projectId: DEMO.projectId, apiToken: "t", conferences: [{ participants: [participant] }] }],
    });
    expect(() => buildSandbox({ seed: seed({ hold: "no" }) as never })).toThrow(
      "Invalid seed: seed/accounts/0/conferences/0/participants/0/hold must be boolean",
    );
    expect(() => buildSandbox({ seed: seed({ uri: "/x" }) as never })).toThrow("must NOT have additional properties");
    expect(() => buildSandbox({ seed: { accounts: [{ projectId: DEMO.projectId }] } as never })).toThrow(
      "must have required property 'apiToken'",
    );
  });
});
