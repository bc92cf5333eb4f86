import { describe, expect, test } from "vitest";
import { formatRfc2822 } from "../src/state/format-rfc2822.js";
import { injectSandbox } from "./harness.js";

describe("updating and removing participants", () => {
  let now = Date.UTC(2026, 10, 27, 9, 0, 0);
  const sb = injectSandbox({ clock: () => now });
  const { state, account, conferenceSid } = sb;
  const add = (fields = {}) => state.addParticipant(account.projectId, conferenceSid, fields);

  test("changes only what the update names, and moves date_updated on (RFC 2822)", async () => {
    const callSid = add({ muted: true, hold: true });
    now += 60_000;
    const response = await sb.update(callSid, { Muted: "false" });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      call_sid: callSid,
      muted: false,
      hold: true,
      date_created: "Fri, 27 Nov 2026 09:00:00 +0000",
      date_updated: "Fri, 27 Nov 2026 09:01:00 +0000",
    });
    expect(state.participants(account.projectId, conferenceSid).find((p) => p.call_sid === callSid)?.muted).toBe(false);
    // Pages are assembled from cached JSON per participant: the cache must follow the update.
    const listed = (await sb.request({ url: sb.participantsPath() })).json().participants;
    expect(listed.find((p: { call_sid: string }) => p.call_sid === callSid)).toMatchObject({
      muted: false,
      hold: true,
    });
  });

  test("an update that names nothing changes nothing, not even date_updated", async () => {
    const callSid = add();
    now += 60_000;
    const response = await sb.update(callSid, {});
    expect(response.json().date_updated).toBe(formatRfc2822(now - 60_000));
  });

  test("coaching needs CallSidToCoach, a participant of the same conference", async () => {
    const coach = add();
    const coached = add();
    const elsewhere = state.addParticipant(account.projectId, state.addConference(account.projectId));
    const refusals: [Record<string, string>, string][] = [
      [{ Coaching: "true" }, "Coaching=true needs CallSidToCoach"],
      [{ Coaching: "true", CallSidToCoach: elsewhere }, `${elsewhere}, is not in conference ${conferenceSid}`],
      [{ Coaching: "true", CallSidToCoach: coach }, "cannot coach itself"],
      [{ Coaching: "false", CallSidToCoach: coached }, "CallSidToCoach goes with Coaching=true"],
    ];
    for (const [form, message] of refusals) {
      const response = await sb.update(coach, form);
      expect(response.status, JSON.stringify(form)).toBe(422);
      expect(response.json()).toMatchObject({ code: 16002, status: 422 });
      expect(response.json().message).toContain(message);
    }
    const started = await sb.update(coach, { Coaching: "true", CallSidToCoach: coached });
    expect(started.json()).toMatchObject({ coaching: true, call_sid_to_coach: coached });
    const stopped = await sb.update(coach, { Coaching: "false" });
    expect(stopped.json()).toMatchObject({ coaching: false, call_sid_to_coach: null });
  });

  test("accepts the audio fields (AnnounceUrl, HoldUrl, WaitUrl and their methods)", async () => {
    const callSid = add();
    const response = await sb.update(callSid, {
      AnnounceUrl: "https://example.com/announce.xml",
      AnnounceMethod: "GET",
      HoldUrl: "https://example.com/hold.mp3",
      HoldMethod: "POST",
      WaitUrl: "https://example.com/wait.xml",
      WaitMethod: "GET",
    });
    expect(response.status).toBe(200);
  });

  test("delete answers 204 with no body, and the participant is then gone", async () => {
    const callSid = add();
    const removed = await sb.request({ method: "DELETE", url: `${sb.participantsPath()}/${callSid}.json` });
    expect(removed.status).toBe(204);
    expect(removed.body).toBe("");
    expect((await sb.request({ url: `${sb.participantsPath()}/${callSid}` })).json()).toMatchObject({
      code: 20404,
      status: 404,
    });
    expect((await sb.request({ method: "DELETE", url: `${sb.participantsPath()}/${callSid}` })).status).toBe(404);
    expect(state.participants(account.projectId, conferenceSid).map((p) => p.call_sid)).not.toContain(callSid);
  });

  test("a completed conference can be read but not changed (422, code 10000)", async () => {
    const completed = state.addConference(account.projectId, { status: "completed" });
    const callSid = state.addParticipant(account.projectId, completed, { muted: true });
    const path = sb.participantsPath(completed);
    expect((await sb.request({ url: `${path}/${callSid}` })).json()).toMatchObject({
      status: "completed",
      muted: true,
    });
    for (const response of [
      await sb.update(callSid, { Muted: "false" }, path),
      await sb.request({ method: "DELETE", url: `${path}/${callSid}` }),
    ]) {
      expect(response.status).toBe(422);
      expect(response.json()).toMatchObject({
        code: 10000,
        message: `Conference ${completed} has completed and can no longer be changed`,
      });
    }
    expect(state.participants(account.projectId, completed)).toMatchObject([{ call_sid: callSid, muted: true }]);
  });
});
