import type { ConferenceStatusCallback, Participant } from "@laml/types";
import { assertType, describe, expectTypeOf, test } from "vitest";
import type { LamlClient } from "../../src/index.js";
import { createRoster, type Roster, type RosterChange } from "../../src/roster/index.js";

declare const laml: LamlClient;
declare const roster: Roster;
declare const callback: ConferenceStatusCallback;

describe("createRoster", () => {
  test("takes a client, a conference SID and optional options, and resolves to a Roster", () => {
    expectTypeOf(createRoster(laml, "c")).toEqualTypeOf<Promise<Roster>>();
    assertType(createRoster(laml, "c", { reconcileEveryMs: 0, signal: AbortSignal.timeout(1) }));
    // @ts-expect-error reconcileEvery is not an option
    createRoster(laml, "c", { reconcileEvery: 0 });
  });
});

describe("a roster", () => {
  test("applies the spec's decoded callbacks, and nothing else", () => {
    expectTypeOf(roster.apply(callback)).toEqualTypeOf<Promise<void>>();
    // @ts-expect-error a raw form is not a decoded callback
    roster.apply(new URLSearchParams());
    // @ts-expect-error a callback names its conference
    roster.apply({ StatusCallbackEvent: "participant-join", CallSid: "s" });
  });

  test("snapshots Participants", () => {
    expectTypeOf(roster.snapshot()).toEqualTypeOf<Participant[]>();
  });

  test("types its change and error events", () => {
    roster.addEventListener("change", (event) => {
      expectTypeOf(event).toEqualTypeOf<CustomEvent<RosterChange>>();
      expectTypeOf(event.detail.reason).toEqualTypeOf<"callback" | "reconcile">();
      expectTypeOf(event.detail.changed[0]?.fields).toEqualTypeOf<(keyof Participant)[] | undefined>();
    });
    roster.addEventListener("error", (event) => expectTypeOf(event.detail).toBeUnknown());
    roster.addEventListener("other", (event) => expectTypeOf(event).toEqualTypeOf<Event>());
  });
});
