import type { ListParticipantsQuery, Participant } from "@laml/types";
import { assertType, describe, expectTypeOf, test } from "vitest";
import {
  type BulkFailure,
  type BulkLamlClient,
  type BulkOptions,
  type ParticipantFilters,
  type RemoveAllReport,
  removeAll,
  type UpdateAllReport,
  updateAll,
  withBulk,
} from "../../src/bulk/index.js";
import { type LamlClient, type RawLamlClient, withRaw } from "../../src/index.js";

declare const laml: LamlClient;

describe("updateAll and removeAll", () => {
  test("take laml.participants, a conference SID, the spec's update body and options; resolve to their report", () => {
    expectTypeOf(updateAll(laml.participants, "c", { Muted: true })).toEqualTypeOf<Promise<UpdateAllReport>>();
    expectTypeOf(removeAll(laml.participants, "c")).toEqualTypeOf<Promise<RemoveAllReport>>();
    assertType(
      updateAll(
        laml.participants,
        "c",
        { Hold: true, HoldUrl: "https://example.com/hold.xml" },
        {
          where: { Muted: false, Hold: false },
          except: new Set(["s"]),
          concurrency: 4,
          signal: AbortSignal.timeout(10_000),
          timeoutMs: 5_000,
          maxRetries: 3,
          headers: { "X-Trace": "t" },
        },
      ),
    );
    // @ts-expect-error Beep is not an update field of SignalWire's
    updateAll(laml.participants, "c", { Beep: true });
    // @ts-expect-error Muted is a boolean
    updateAll(laml.participants, "c", { Muted: "true" });
    // @ts-expect-error concurrency is a number
    removeAll(laml.participants, "c", { concurrency: "8" });
    // @ts-expect-error except is CallSids
    removeAll(laml.participants, "c", { except: [1] });
    // @ts-expect-error one CallSid alone is a string, iterable by character: pass [callSid]
    removeAll(laml.participants, "c", { except: "moderator-call-sid" });
  });

  test("filter by the list's filters from the spec, not its paging parameters", () => {
    expectTypeOf<keyof ParticipantFilters>().toEqualTypeOf<
      Exclude<keyof ListParticipantsQuery, "Page" | "PageSize" | "PageToken">
    >();
    expectTypeOf<ParticipantFilters["Muted"]>().toEqualTypeOf<ListParticipantsQuery["Muted"]>();
    // @ts-expect-error the page size is the bulk call's own (the API's largest)
    removeAll(laml.participants, "c", { where: { PageSize: 10 } });
    // @ts-expect-error filters are spelt as on the wire
    removeAll(laml.participants, "c", { where: { muted: false } });
    // @ts-expect-error Coaching is Twilio's filter, not SignalWire's
    removeAll(laml.participants, "c", { where: { Coaching: true } });
  });

  test("report what was done in typed lists", () => {
    expectTypeOf<UpdateAllReport>().toEqualTypeOf<{ updated: Participant[]; gone: string[]; failed: BulkFailure[] }>();
    expectTypeOf<RemoveAllReport>().toEqualTypeOf<{ removed: string[]; gone: string[]; failed: BulkFailure[] }>();
    expectTypeOf<BulkFailure>().toEqualTypeOf<{ callSid: string; error: unknown }>();
  });

  test("need only the methods they call, so a custom resource fits", () => {
    assertType(updateAll({ list: laml.participants.list, update: laml.participants.update }, "c", { Muted: true }));
    // @ts-expect-error removeAll needs remove
    removeAll({ list: laml.participants.list }, "c");
  });
});

describe("withBulk", () => {
  test("adds updateAll and removeAll to laml.participants, and keeps them through withOptions", () => {
    const bulk = withBulk(laml);
    expectTypeOf(bulk).toEqualTypeOf<BulkLamlClient>();
    expectTypeOf(bulk).toMatchTypeOf<LamlClient>();
    expectTypeOf(bulk.participants.updateAll("c", { Muted: true }, { where: { Muted: false } })).toEqualTypeOf<
      Promise<UpdateAllReport>
    >();
    expectTypeOf(bulk.withOptions({ maxRetries: 1 }).participants.removeAll("c")).toEqualTypeOf<
      Promise<RemoveAllReport>
    >();
    expectTypeOf<Parameters<BulkLamlClient["participants"]["removeAll"]>[1]>().toEqualTypeOf<BulkOptions | undefined>();
    // @ts-expect-error the plain client has no bulk methods
    laml.participants.updateAll("c", { Muted: true });
  });
});

describe("withBulk and withRaw", () => {
  test("compose in either order: the client has both, and withOptions keeps both", () => {
    for (const both of [withBulk(withRaw(laml)), withRaw(withBulk(laml))]) {
      expectTypeOf(both.participants.updateAll("c", { Muted: true })).toEqualTypeOf<Promise<UpdateAllReport>>();
      expectTypeOf(both.raw).toEqualTypeOf<RawLamlClient["raw"]>();
      const traced = both.withOptions({ headers: { "X-Trace": "t" } });
      expectTypeOf(traced.participants.removeAll("c")).toEqualTypeOf<Promise<RemoveAllReport>>();
      expectTypeOf(traced.raw).toEqualTypeOf<RawLamlClient["raw"]>();
      expectTypeOf(traced).toMatchTypeOf<LamlClient>();
    }
    // @ts-expect-error withBulk alone adds no raw
    withBulk(laml).raw;
    // @ts-expect-error withRaw alone adds no bulk methods
    withRaw(laml).participants.updateAll("c", { Muted: true });
  });
});
