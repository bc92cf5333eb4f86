import { createLamlClient } from "@laml/client";
import { createRoster } from "@laml/client/roster";
import type { ConferenceStatusCallback as ConferenceEvent } from "@laml/types";
import { afterAll, expect, test } from "vitest";
import { startSandbox } from "../src/start-sandbox.js";
import { formatRfc2822 } from "../src/state/format-rfc2822.js";
import { contractRecorder } from "./contract.js";

// @laml/client/roster against a real sandbox: the sandbox does not call back yet, so the test
// writes the callbacks its changes would cause, then loses, repeats and reorders them as
// SignalWire may, and checks that one reconcile makes the roster true again.

const contract = contractRecorder();
const sb = await startSandbox({ onResponse: contract.onResponse });
const { projectId, apiToken } = sb.addAccount();
const laml = createLamlClient({ spaceUrl: sb.url, projectId, apiToken });

afterAll(async () => {
  await sb.close();
  expect(contract.violations).toEqual([]);
});

/** A seeded linear congruential generator (Numerical Recipes' constants), so a failure repeats. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test.each([1, 2, 3])(
  "a roster fed a shuffled stream, a fifth dropped and a fifth duplicated, equals the sandbox after one reconcile (seed %i)",
  async (seed) => {
    const random = seeded(seed);
    const conferenceSid = sb.addConference(projectId, { friendlyName: `Roster ${seed}` });
    for (let i = 0; i < 20; i++) sb.addParticipant(projectId, conferenceSid);
    const roster = await createRoster(laml, conferenceSid, { reconcileEveryMs: 0 });
    const errors: unknown[] = [];
    roster.addEventListener("error", (event) => errors.push(event.detail));

    const events: ConferenceEvent[] = [];
    const happened = (kind: string, callSid: string, timestamp = formatRfc2822(Date.now())) =>
      events.push({
        AccountSid: projectId,
        StatusCallbackEvent: kind,
        ConferenceSid: conferenceSid,
        CallSid: callSid,
        Timestamp: timestamp,
      });
    for (let step = 0; step < 150; step++) {
      const present = sb.participants(projectId, conferenceSid);
      const someone = present[Math.floor(random() * present.length)];
      const roll = random();
      if (!someone || roll < 0.3) {
        const callSid = sb.addParticipant(projectId, conferenceSid);
        happened("participant-join", callSid);
      } else if (roll < 0.5) {
        await laml.participants.remove(conferenceSid, someone.call_sid);
        happened("participant-leave", someone.call_sid);
      } else {
        const flag = random() < 0.5 ? "Muted" : "Hold";
        const value = random() < 0.5;
        const updated = await laml.participants.update(conferenceSid, someone.call_sid, { [flag]: value });
        const kind = `participant-${value ? "" : "un"}${flag === "Muted" ? "mute" : "hold"}`;
        happened(kind, someone.call_sid, updated.date_updated);
      }
    }

    const stream = events.flatMap((event) => {
      const roll = random();
      return roll < 0.2 ? [] : roll < 0.4 ? [event, { ...event }] : [event];
    });
    for (let i = stream.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [stream[i], stream[j]] = [stream[j] as ConferenceEvent, stream[i] as ConferenceEvent];
    }
    for (const event of stream) await roster.apply(event);
    // The lost callbacks show: callbacks alone did not keep the picture true.
    expect(roster.snapshot()).not.toEqual(sb.participants(projectId, conferenceSid));

    await roster.reconcile();
    expect(roster.snapshot()).toEqual(sb.participants(projectId, conferenceSid));
    expect(errors).toEqual([]);
    roster.close();
  },
);
