import type { Participant } from "@laml/types";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ConferenceEvent } from "../../src/roster/conference-event.js";
import { createRoster, type Roster, type RosterChange } from "../../src/roster/index.js";
import { CONFERENCE_SID, participant } from "../support/fixtures.js";
import { at, callback, fakeConference, gate, member } from "./fake-conference.js";

const sids = (participants: Participant[]) => participants.map((p) => p.call_sid);
const sid = (n: number) => participant(n).call_sid;

/** Resolves once more than `count` requests have been sent (and their answer's state read). */
async function sent(requests: unknown[], count: number) {
  while (requests.length <= count) await new Promise((resolve) => setTimeout(resolve, 1));
}

// Taken before any test fakes the timers: the client sends a request a real `setImmediate` turn
// after it is made (`nextTurn` in src/fetch/attempt.ts), which fake timers do not advance.
const { setImmediate: realSetImmediate } = globalThis;

/**
 * Advances fake time by `ms`, then lets the requests its timers started go out and be answered:
 * immediates run in order, so one queued now runs after theirs, and the fake answers in microtasks.
 */
async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await new Promise((resolve) => realSetImmediate(resolve));
}

/** Every `change` detail the roster dispatches, and every `error`. */
function record(roster: Roster) {
  const changes: RosterChange[] = [];
  const errors: unknown[] = [];
  roster.addEventListener("change", (event) => changes.push(event.detail));
  roster.addEventListener("error", (event) => errors.push(event.detail));
  return { changes, errors };
}

/** A roster of a conference holding `people`, with no periodic reconcile. */
async function setup(people: Participant[], pageSize?: number) {
  const conference = fakeConference(people, pageSize);
  const roster = await createRoster(conference.laml, CONFERENCE_SID, { reconcileEveryMs: 0 });
  return { ...conference, roster, ...record(roster) };
}

const open: Roster[] = [];
afterEach(() => {
  for (const roster of open.splice(0)) roster.close();
  vi.useRealTimers();
});

describe("createRoster", () => {
  test("lists the conference, across pages, in listing order", async () => {
    const people = Array.from({ length: 7 }, (_, n) => member(n));
    const { roster, requests } = await setup(people, 3);
    expect(roster.snapshot()).toEqual(people);
    expect(requests.map((r) => r.method)).toEqual(["GET", "GET", "GET"]);
    expect(roster.conferenceSid).toBe(CONFERENCE_SID);
  });

  test("rejects a reconcileEveryMs that is not whole milliseconds, saying what to pass", async () => {
    const { laml } = fakeConference([]);
    for (const reconcileEveryMs of [-1, 1.5, Number.NaN, 2 ** 31]) {
      await expect(createRoster(laml, CONFERENCE_SID, { reconcileEveryMs })).rejects.toThrow(
        /^Invalid reconcileEveryMs .*: pass whole milliseconds from 0 \(off\) to 2147483647, e\.g\. 30000\.$/,
      );
    }
  });

  test("rejects when the first listing fails, and an already aborted signal before any request", async () => {
    const { laml, state, requests } = fakeConference([member(1)]);
    state.fail.push(500);
    await expect(createRoster(laml, CONFERENCE_SID)).rejects.toMatchObject({ name: "LamlApiError", status: 500 });
    const before = requests.length;
    await expect(createRoster(laml, CONFERENCE_SID, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(requests.length).toBe(before);
  });
});

describe("apply", () => {
  test("a join fetches the participant and adds it at the end, saying who and why", async () => {
    const { roster, state, requests, changes } = await setup([member(1)]);
    state.people.push(member(2, 5, { muted: true }));
    const event = callback("participant-join", 2, 5);
    await roster.apply(event);
    expect(sids(roster.snapshot())).toEqual([sid(1), sid(2)]);
    expect(roster.snapshot()[1]).toEqual(member(2, 5, { muted: true }));
    expect(requests.at(-1)?.url).toMatch(new RegExp(`/Participants/${sid(2)}$`));
    expect(changes).toEqual([
      { reason: "callback", joined: [member(2, 5, { muted: true })], left: [], changed: [], event },
    ]);
  });

  test("a leave removes the participant, reporting it as last known", async () => {
    const { roster, changes } = await setup([member(1), member(2)]);
    const event = callback("participant-leave", 1, 5);
    await roster.apply(event);
    expect(sids(roster.snapshot())).toEqual([sid(2)]);
    expect(changes).toEqual([{ reason: "callback", joined: [], left: [member(1)], changed: [], event }]);
  });

  test("mute, unmute, hold and unhold change the flags and name the field", async () => {
    const { roster, changes, requests } = await setup([member(1)]);
    const before = requests.length;
    const steps: [string, Partial<Participant>, keyof Participant][] = [
      ["participant-mute", { muted: true, hold: false }, "muted"],
      ["participant-hold", { muted: true, hold: true }, "hold"],
      ["participant-unmute", { muted: false, hold: true }, "muted"],
      ["participant-unhold", { muted: false, hold: false }, "hold"],
    ];
    for (const [i, [kind, flags, field]] of steps.entries()) {
      await roster.apply(callback(kind, 1, 10 + i));
      expect(roster.snapshot()).toEqual([member(1, 0, flags)]);
      expect(changes.at(-1)).toMatchObject({
        reason: "callback",
        changed: [{ participant: member(1, 0, flags), fields: [field] }],
      });
    }
    expect(changes).toHaveLength(4);
    expect(requests.length).toBe(before);
  });

  test("a flag that is already so changes nothing and dispatches nothing", async () => {
    const { roster, changes } = await setup([member(1, 0, { muted: true })]);
    await roster.apply(callback("participant-mute", 1, 5));
    expect(roster.snapshot()).toEqual([member(1, 0, { muted: true })]);
    expect(changes).toEqual([]);
  });

  test("conference-end empties the roster; a later-delivered older join is ignored", async () => {
    const { roster, changes, requests } = await setup([member(1), member(2)]);
    await roster.apply(callback("conference-end", 1, 20, { CallSid: undefined }));
    expect(roster.snapshot()).toEqual([]);
    expect(changes).toMatchObject([{ reason: "callback", left: [member(1), member(2)] }]);
    const before = requests.length;
    await roster.apply(callback("participant-join", 3, 10));
    expect(requests.length).toBe(before);
    expect(roster.snapshot()).toEqual([]);
  });

  test("duplicates are harmless: one fetch for a repeated join, nothing for a repeated leave or flag", async () => {
    const { roster, state, requests, changes } = await setup([member(1)]);
    state.people.push(member(2, 5));
    const before = requests.length;
    await Promise.all([
      roster.apply(callback("participant-join", 2, 5)),
      roster.apply(callback("participant-join", 2, 5)),
    ]);
    await roster.apply(callback("participant-join", 2, 5));
    expect(requests.length - before).toBe(1);
    await roster.apply(callback("participant-mute", 1, 6));
    await roster.apply(callback("participant-unmute", 1, 6));
    // The mute again, delivered twice: ties apply in arrival order, but this one was applied already.
    await roster.apply(callback("participant-mute", 1, 6));
    expect(roster.snapshot()[0]?.muted).toBe(false);
    await roster.apply(callback("participant-leave", 2, 7));
    await roster.apply(callback("participant-leave", 2, 7));
    expect(sids(roster.snapshot())).toEqual([sid(1)]);
    expect(changes.map((c) => [c.joined.length, c.left.length, c.changed.length])).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 1],
      [0, 1, 0],
    ]);
  });

  test("an event older than what is known of the participant is ignored; ties apply in arrival order", async () => {
    const { roster, requests } = await setup([member(1, 10), member(2, 10)]);
    const before = requests.length;
    // Older than the listing's date_updated.
    await roster.apply(callback("participant-mute", 1, 9));
    expect(roster.snapshot()[0]?.muted).toBe(false);
    // A leave, then its older join delivered late: no fetch, nobody comes back.
    await roster.apply(callback("participant-leave", 2, 30));
    await roster.apply(callback("participant-join", 2, 20));
    expect(requests.length).toBe(before);
    expect(sids(roster.snapshot())).toEqual([sid(1)]);
    // Reordered flags: the unmute at 41 wins over the mute at 40 that arrives after it.
    await roster.apply(callback("participant-unmute", 1, 41));
    await roster.apply(callback("participant-mute", 1, 40));
    expect(roster.snapshot()[0]?.muted).toBe(false);
    // Same second: arrival order.
    await roster.apply(callback("participant-mute", 1, 41));
    expect(roster.snapshot()[0]?.muted).toBe(true);
    await roster.apply(callback("participant-hold", 1, 41));
    await roster.apply(callback("participant-unhold", 1, 41));
    expect(roster.snapshot()[0]?.hold).toBe(false);
  });

  test("an event without a readable Timestamp applies in arrival order", async () => {
    const { roster } = await setup([member(1, 10)]);
    await roster.apply(callback("participant-mute", 1, 0, { Timestamp: undefined }));
    expect(roster.snapshot()[0]?.muted).toBe(true);
    await roster.apply(callback("participant-unmute", 1, 0, { Timestamp: "not a date" }));
    expect(roster.snapshot()[0]?.muted).toBe(false);
    // And adds nothing to what is known: an event at 11 still applies.
    await roster.apply(callback("participant-mute", 1, 11));
    expect(roster.snapshot()[0]?.muted).toBe(true);
  });

  test("ignores other conferences, unknown kinds and participant events without a CallSid", async () => {
    const { roster, requests, changes } = await setup([member(1)]);
    const before = requests.length;
    await roster.apply(callback("participant-leave", 1, 5, { ConferenceSid: "another-conference" }));
    await roster.apply(callback("participant-leave", 1, 5, { CallSid: undefined }));
    for (const kind of [
      "participant-speech-start",
      "participant-speech-stop",
      "conference-start",
      "participant-teleport",
      "constructor",
      "toString",
    ]) {
      await roster.apply(callback(kind, 1, 5));
    }
    await roster.apply(callback("conference-end", 1, 5, { ConferenceSid: "another-conference" }));
    expect(roster.snapshot()).toEqual([member(1)]);
    expect(requests.length).toBe(before);
    expect(changes).toEqual([]);
  });

  test("a join whose fetch answers 404 (already gone) adds nobody and reports no error", async () => {
    const { roster, changes, errors } = await setup([member(1)]);
    await roster.apply(callback("participant-join", 2, 5));
    expect(sids(roster.snapshot())).toEqual([sid(1)]);
    expect(changes).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("a join whose fetch fails otherwise is an error event; apply still resolves", async () => {
    const { roster, state, errors } = await setup([member(1)]);
    state.people.push(member(2));
    state.fail.push(503);
    await expect(roster.apply(callback("participant-join", 2, 5))).resolves.toBeUndefined();
    expect(errors).toMatchObject([{ name: "LamlApiError", status: 503 }]);
    expect(sids(roster.snapshot())).toEqual([sid(1)]);
    // A later duplicate of the join does not retry (it was applied); the next reconcile adds them.
    await roster.reconcile();
    expect(sids(roster.snapshot())).toEqual([sid(1), sid(2)]);
  });
});

describe("races between a join's fetch and later callbacks", () => {
  /**
   * A roster of `people` where participant 2 (`fetched`) joins at second 5 and `meanwhile`
   * arrives while its fetch is held.
   */
  async function joinWhile(meanwhile: ConferenceEvent, fetched: Participant, people: Participant[] = []) {
    const conference = await setup(people);
    conference.state.people.push(fetched);
    const held = gate();
    conference.state.hold = held.opened;
    const joined = conference.roster.apply(callback("participant-join", 2, 5));
    await conference.roster.apply(meanwhile);
    held.open();
    await joined;
    return conference;
  }

  test("a leave that arrives while the join is fetched is not undone by the fetch", async () => {
    const { roster, changes } = await joinWhile(callback("participant-leave", 2, 6), member(2, 5), [member(1)]);
    expect(sids(roster.snapshot())).toEqual([sid(1)]);
    expect(changes).toEqual([]);
  });

  test("a mute that arrives while the join is fetched is laid over the fetched participant", async () => {
    const { roster } = await joinWhile(callback("participant-mute", 2, 6), member(2, 5));
    expect(roster.snapshot()).toEqual([member(2, 5, { muted: true })]);
  });

  test("but not when the fetched participant is newer than the mute", async () => {
    // Unmuted at 8, after the mute at 6 that is delivered late.
    const { roster } = await joinWhile(callback("participant-mute", 2, 6), member(2, 8));
    expect(roster.snapshot()).toEqual([member(2, 8)]);
  });

  test("a conference-end during the fetch keeps the participant out", async () => {
    const { roster } = await joinWhile(callback("conference-end", 2, 6, { CallSid: undefined }), member(2, 5));
    expect(roster.snapshot()).toEqual([]);
  });

  test("a participant who leaves and joins again goes to the end (join order)", async () => {
    const { roster } = await setup([member(1), member(2)]);
    await roster.apply(callback("participant-leave", 1, 5));
    await roster.apply(callback("participant-join", 1, 6));
    expect(sids(roster.snapshot())).toEqual([sid(2), sid(1)]);
  });
});

describe("reconcile", () => {
  test("corrects lost joins, leaves and flags, saying which fields and why", async () => {
    const { roster, state, changes } = await setup([member(1), member(2), member(3)]);
    // Callbacks lost: 2 left, 4 joined, 3 was muted at 9.
    state.people = [member(1), member(3, 9, { muted: true }), member(4, 8)];
    await roster.reconcile();
    expect(roster.snapshot()).toEqual(state.people);
    expect(changes).toEqual([
      {
        reason: "reconcile",
        joined: [member(4, 8)],
        left: [member(2)],
        changed: [{ participant: member(3, 9, { muted: true }), fields: ["date_updated", "muted"] }],
      },
    ]);
    await roster.reconcile();
    expect(changes).toHaveLength(1);
  });

  test("callbacks that arrive during the listing are neither lost nor overwritten by it", async () => {
    const { roster, state, requests } = await setup([member(1), member(2), member(3)]);
    const held = gate();
    state.hold = held.opened;
    // The listing is read now; then, while it is in flight, 1 leaves, 3 is muted and 4 joins.
    const reconciled = roster.reconcile();
    await sent(requests, requests.length);
    state.hold = undefined;
    state.people = [member(2), member(3, 10, { muted: true }), member(4, 11)];
    await roster.apply(callback("participant-leave", 1, 10));
    await roster.apply(callback("participant-mute", 3, 10));
    await roster.apply(callback("participant-join", 4, 11));
    held.open();
    await reconciled;
    expect(roster.snapshot()).toEqual([member(2), member(3, 0, { muted: true }), member(4, 11)]);
  });

  test("a listing newer than a callback that arrived during it wins", async () => {
    const { roster, state, requests } = await setup([member(1)]);
    const held = gate();
    state.hold = held.opened;
    // Unmuted again at 12; the mute at 10 is delivered while the listing (taken after 12) is in flight.
    state.people = [member(1, 12)];
    const reconciled = roster.reconcile();
    await sent(requests, requests.length);
    await roster.apply(callback("participant-mute", 1, 10));
    expect(roster.snapshot()[0]?.muted).toBe(true);
    held.open();
    await reconciled;
    expect(roster.snapshot()).toEqual([member(1, 12)]);
  });

  test("a reconcile asked for during another runs after it, and asks made meanwhile share it", async () => {
    const { roster, state, requests } = await setup([member(1)]);
    const before = requests.length;
    const held = gate();
    state.hold = held.opened;
    const first = roster.reconcile();
    const second = roster.reconcile();
    const third = roster.reconcile();
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    state.people.push(member(2));
    held.open();
    await Promise.all([first, second]);
    expect(requests.length - before).toBe(2);
    expect(sids(roster.snapshot())).toEqual([sid(1), sid(2)]);
  });

  test("rejects with the listing's error when called, keeping the picture", async () => {
    const { roster, state } = await setup([member(1)]);
    state.fail.push(500);
    await expect(roster.reconcile()).rejects.toMatchObject({ name: "LamlApiError", status: 500 });
    expect(roster.snapshot()).toEqual([member(1)]);
  });
});

describe("the periodic reconcile", () => {
  test("re-lists every reconcileEveryMs and reports its failures as error events", async () => {
    vi.useFakeTimers();
    const conference = fakeConference([member(1)]);
    const roster = await createRoster(conference.laml, CONFERENCE_SID, { reconcileEveryMs: 1000 });
    open.push(roster);
    const { changes, errors } = record(roster);
    conference.state.people.push(member(2));
    await advance(1000);
    expect(sids(roster.snapshot())).toEqual([sid(1), sid(2)]);
    expect(changes).toMatchObject([{ reason: "reconcile", joined: [member(2)] }]);
    conference.state.fail.push(502);
    await advance(1000);
    expect(errors).toMatchObject([{ name: "LamlApiError", status: 502 }]);
    conference.state.people.shift();
    await advance(1000);
    expect(sids(roster.snapshot())).toEqual([sid(2)]);
  });

  test("defaults to every 30 s; 0 turns it off", async () => {
    vi.useFakeTimers();
    const conference = fakeConference([member(1)]);
    const every30 = await createRoster(conference.laml, CONFERENCE_SID);
    const off = await createRoster(conference.laml, CONFERENCE_SID, { reconcileEveryMs: 0 });
    open.push(every30, off);
    const before = conference.requests.length;
    await advance(29_999);
    expect(conference.requests.length).toBe(before);
    await advance(1);
    expect(conference.requests.length).toBe(before + 1);
    for (let turn = 0; turn < 10; turn++) await advance(30_000);
    expect(conference.requests.length).toBe(before + 11);
  });

  test("close() stops it; apply() and reconcile() then reject, saying what to do", async () => {
    vi.useFakeTimers();
    const conference = fakeConference([member(1)]);
    const roster = await createRoster(conference.laml, CONFERENCE_SID, { reconcileEveryMs: 1000 });
    roster.close();
    const before = conference.requests.length;
    await advance(10_000);
    expect(conference.requests.length).toBe(before);
    const refusal = {
      name: "InvalidStateError",
      message: expect.stringContaining("create a new one with createRoster()"),
    };
    await expect(roster.apply(callback("participant-leave", 1, 5))).rejects.toMatchObject(refusal);
    await expect(roster.reconcile()).rejects.toMatchObject(refusal);
    expect(roster.snapshot()).toEqual([member(1)]);
  });

  test("the signal closes it, cancelling a listing in flight without an error event", async () => {
    vi.useFakeTimers();
    const conference = fakeConference([member(1)]);
    const controller = new AbortController();
    const roster = await createRoster(conference.laml, CONFERENCE_SID, {
      reconcileEveryMs: 1000,
      signal: controller.signal,
    });
    const { errors } = record(roster);
    conference.state.hold = new Promise(() => {});
    await advance(1000);
    controller.abort();
    await advance(10_000);
    expect(errors).toEqual([]);
    await expect(roster.reconcile()).rejects.toMatchObject({ name: "InvalidStateError" });
  });
});

describe("snapshot", () => {
  test("is a copy: changing it or the roster later does not change the other", async () => {
    const { roster } = await setup([member(1)]);
    const taken = roster.snapshot();
    taken.pop();
    expect(roster.snapshot()).toHaveLength(1);
    const before = roster.snapshot();
    await roster.apply(callback("participant-mute", 1, 5));
    expect(before[0]?.muted).toBe(false);
    expect(at(0)).toBe("Tue, 24 Nov 2026 21:00:00 +0000");
  });
});
