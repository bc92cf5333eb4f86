import type { ListParticipantsQuery, Participant, ParticipantPage, paths, UpdateParticipantBody } from "@laml/types";
import type { Client } from "openapi-fetch";
import { assertType, describe, expectTypeOf, test } from "vitest";
import {
  type CallOptions,
  createLamlClient,
  type LamlApiError,
  type LamlClient,
  type LamlClientOptions,
  type LamlPromise,
  type ParticipantsResource,
  type RawLamlClient,
  type RequestOptions,
  withRaw,
} from "../src/index.js";
import type {
  OperationGuard,
  OperationMap,
  StaleRawOnly,
  UnhandledOperations,
} from "../src/resources/operation-guard.js";

declare const laml: LamlClient;
const conferenceSid = "8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c";
const callSid = "5d1c9f0e-7a2b-4c3d-8e9f-0a1b2c3d4e5f";

describe("createLamlClient", () => {
  test("takes no options (all from the environment), some, or all", () => {
    expectTypeOf(createLamlClient()).toEqualTypeOf<LamlClient>();
    assertType<LamlClient>(createLamlClient({ spaceUrl: "example.signalwire.com" }));
    assertType<LamlClientOptions>({
      spaceUrl: "https://example.signalwire.com",
      projectId: "p",
      apiToken: "t",
      accountSid: "a",
      fetch: globalThis.fetch,
      timeoutMs: 5000,
      maxRetries: 0,
      userAgent: "my-app/1.0",
    });
  });

  test("rejects unknown options and wrong types", () => {
    // @ts-expect-error the option is apiToken
    createLamlClient({ token: "t" });
    // @ts-expect-error timeoutMs is a number of milliseconds
    createLamlClient({ timeoutMs: "30s" });
  });
});

describe("list", () => {
  test("yields Participant", async () => {
    for await (const p of laml.participants.list(conferenceSid, { Muted: true })) {
      expectTypeOf(p).toEqualTypeOf<Participant>();
    }
  });

  test("takes the spec's query with its wire names, plus limit and signal", () => {
    laml.participants.list(conferenceSid, { Muted: true, Hold: false, PageSize: 100, limit: 10 });
    laml.participants.list(conferenceSid, { signal: AbortSignal.timeout(1000) });
    // @ts-expect-error PageSize is a number
    laml.participants.list(conferenceSid, { PageSize: "100" });
    // @ts-expect-error Muted is a boolean
    laml.participants.list(conferenceSid, { Muted: "true" });
    // @ts-expect-error the wire name is Muted, not muted
    laml.participants.list(conferenceSid, { muted: true });
    // @ts-expect-error limit is a number
    laml.participants.list(conferenceSid, { limit: "10" });
    // @ts-expect-error Coaching is not a filter of this API
    laml.participants.list(conferenceSid, { Coaching: true });
  });

  test("its options are the spec's query, not a copy of it", () => {
    expectTypeOf<Parameters<LamlClient["participants"]["list"]>[1]>().toExtend<ListParticipantsQuery | undefined>();
  });

  test("needs a conference SID", () => {
    // @ts-expect-error conferenceSid is required
    laml.participants.list();
  });
});

describe("pages", () => {
  test("yields ParticipantPage", async () => {
    for await (const page of laml.participants.pages(conferenceSid, { PageSize: 200 })) {
      expectTypeOf(page).toEqualTypeOf<ParticipantPage>();
      expectTypeOf(page.next_page_uri).toEqualTypeOf<string | null>();
    }
  });

  test("has no limit (that is list's)", () => {
    // @ts-expect-error limit is an option of list()
    laml.participants.pages(conferenceSid, { limit: 5 });
  });
});

describe("get, update, remove", () => {
  test("resolve to Participant, Participant and void", () => {
    expectTypeOf(laml.participants.get(conferenceSid, callSid)).toEqualTypeOf<LamlPromise<Participant>>();
    expectTypeOf(laml.participants.update(conferenceSid, callSid, { Muted: false })).toEqualTypeOf<
      LamlPromise<Participant>
    >();
    expectTypeOf(laml.participants.remove(conferenceSid, callSid)).toEqualTypeOf<LamlPromise<void>>();
    expectTypeOf(laml.participants.get(conferenceSid, callSid)).toMatchTypeOf<Promise<Participant>>();
  });

  test("withResponse() gives the data and its Response", () => {
    expectTypeOf(laml.participants.get(conferenceSid, callSid).withResponse()).toEqualTypeOf<
      Promise<{ data: Participant; response: Response }>
    >();
  });
});

describe("per-call options and withOptions", () => {
  test("every method takes signal, timeoutMs, maxRetries and headers", () => {
    const options = {
      signal: new AbortController().signal,
      timeoutMs: 5000,
      maxRetries: 0,
      headers: { "X-Trace": "1" },
    };
    laml.participants.get(conferenceSid, callSid, options);
    laml.participants.update(conferenceSid, callSid, { Muted: true }, options);
    laml.participants.remove(conferenceSid, callSid, options);
    laml.participants.list(conferenceSid, { ...options, Muted: true, limit: 5 });
    laml.participants.pages(conferenceSid, {
      ...options,
      from: "/api/laml/2010-04-01/Accounts/a/Conferences/c/Participants?Page=1",
    });
    expectTypeOf<CallOptions>().toEqualTypeOf<RequestOptions>();
    // @ts-expect-error timeoutMs is a number
    laml.participants.get(conferenceSid, callSid, { timeoutMs: "5s" });
  });

  test("from excludes the filters it carries", () => {
    // @ts-expect-error a resumed list's filters are in its next_page_uri
    laml.participants.list(conferenceSid, { from: "/api/laml/x", Muted: true });
  });

  test("withOptions returns a client", () => {
    expectTypeOf(laml.withOptions({ maxRetries: 0 })).toEqualTypeOf<LamlClient>();
    // @ts-expect-error withOptions takes only the per-call options
    laml.withOptions({ apiToken: "x" });
  });

  test("hooks and logging are typed", () => {
    createLamlClient({
      logLevel: "debug",
      logger: console,
      onRetry: ({ attempt, delayMs, status, error }) => {
        expectTypeOf(attempt).toEqualTypeOf<number>();
        expectTypeOf(delayMs).toEqualTypeOf<number>();
        expectTypeOf(status).toEqualTypeOf<number | undefined>();
        expectTypeOf(error).toEqualTypeOf<unknown>();
      },
    });
    // @ts-expect-error not a level
    createLamlClient({ logLevel: "verbose" });
  });
});

describe("update", () => {
  test("update takes the spec's body", () => {
    expectTypeOf<Parameters<LamlClient["participants"]["update"]>[2]>().toEqualTypeOf<UpdateParticipantBody>();
    laml.participants.update(conferenceSid, callSid, { Coaching: true, CallSidToCoach: callSid, HoldMethod: "GET" });
  });

  test("update rejects an unknown field or a wrong type", () => {
    // @ts-expect-error Beep is not a field of this API
    laml.participants.update(conferenceSid, callSid, { Beep: false });
    // @ts-expect-error the wire name is Muted
    laml.participants.update(conferenceSid, callSid, { muted: false });
    // @ts-expect-error Muted is a boolean
    laml.participants.update(conferenceSid, callSid, { Muted: "false" });
    // @ts-expect-error AnnounceMethod is GET or POST
    laml.participants.update(conferenceSid, callSid, { AnnounceMethod: "PUT" });
    // @ts-expect-error the body is required
    laml.participants.update(conferenceSid, callSid);
  });

  test("every method takes a signal", () => {
    const signal = new AbortController().signal;
    laml.participants.get(conferenceSid, callSid, { signal });
    laml.participants.update(conferenceSid, callSid, {}, { signal });
    laml.participants.remove(conferenceSid, callSid, { signal });
    // @ts-expect-error signal is an AbortSignal
    laml.participants.get(conferenceSid, callSid, { signal: true });
  });
});

describe("raw", () => {
  const { raw } = withRaw(laml);

  test("is openapi-fetch typed by the spec's paths", async () => {
    const { data, error } = await raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
      params: { path: { AccountSid: laml.accountSid, ConferenceSid: conferenceSid }, query: { Hold: true } },
    });
    expectTypeOf(data).toEqualTypeOf<ParticipantPage | undefined>();
    if (error) expectTypeOf(error.code).toEqualTypeOf<number>();
  });

  test("rejects unknown paths and missing path parameters", () => {
    // @ts-expect-error there is no such path
    raw.GET("/Accounts/{AccountSid}/Calls", { params: { path: { AccountSid: "a" } } });
    raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
      // @ts-expect-error ConferenceSid is required
      params: { path: { AccountSid: "a" } },
    });
  });

  test("is opt-in: withRaw adds it to the client, and withOptions keeps it", () => {
    // @ts-expect-error the plain client has no raw
    laml.raw;
    expectTypeOf(withRaw(laml)).toEqualTypeOf<RawLamlClient>();
    expectTypeOf(withRaw(laml)).toMatchTypeOf<LamlClient>();
    expectTypeOf(withRaw(laml).raw).toEqualTypeOf<Client<paths>>();
    expectTypeOf(withRaw(laml).withOptions({ maxRetries: 1 }).raw).toEqualTypeOf<Client<paths>>();
    expectTypeOf(withRaw(laml).withOptions({ maxRetries: 1 })).toEqualTypeOf<RawLamlClient>();
    expectTypeOf(withRaw(laml).participants).toEqualTypeOf<ParticipantsResource>();
  });
});

describe("LamlApiError", () => {
  test("exposes status, code, moreInfo, method, path and body", () => {
    const error = {} as LamlApiError;
    expectTypeOf(error.status).toEqualTypeOf<number>();
    expectTypeOf(error.code).toEqualTypeOf<number | undefined>();
    expectTypeOf(error.moreInfo).toEqualTypeOf<string | undefined>();
    expectTypeOf(error.method).toEqualTypeOf<string>();
    expectTypeOf(error.path).toEqualTypeOf<string>();
    expectTypeOf(error.body).toEqualTypeOf<unknown>();
    expectTypeOf(error).toExtend<Error>();
  });
});

describe("the operation guard", () => {
  test("holds today: every operation of the spec is sent by a resource method or listed as raw-only", () => {
    expectTypeOf<OperationGuard>().toEqualTypeOf<[never, never]>();
  });

  test("names an operation that no resource method sends, unless it is listed as raw-only", () => {
    type Unhandled = UnhandledOperations<"getParticipant" | "listConferences", "getParticipant", never>;
    expectTypeOf<Unhandled>().toEqualTypeOf<Extract<Unhandled, `listConferences: ${string}`>>();
    expectTypeOf<Unhandled>().not.toBeNever();
    expectTypeOf<
      UnhandledOperations<"getParticipant" | "listConferences", "getParticipant", "listConferences">
    >().toBeNever();
  });

  test("names a raw-only operation the spec does not have or a resource sends", () => {
    type Stale = StaleRawOnly<"getParticipant", "getParticipant", "getParticipant" | "listConferences">;
    expectTypeOf<Stale>().toEqualTypeOf<Extract<Stale, `getParticipant: ${string}` | `listConferences: ${string}`>>();
    expectTypeOf<Extract<Stale, `listConferences: ${string}`>>().not.toBeNever();
    expectTypeOf<Extract<Stale, `getParticipant: ${string}`>>().not.toBeNever();
  });

  test("a resource's operation map must cover each of its methods with an operation of the spec", () => {
    type Resource = { get(): void; remove(): void };
    assertType<OperationMap<Resource, { get: "getParticipant"; remove: "deleteParticipant" }>>({
      get: "getParticipant",
      remove: "deleteParticipant",
    });
    // @ts-expect-error remove has no operation
    assertType<OperationMap<Resource, { get: "getParticipant" }>>({ get: "getParticipant" });
    // @ts-expect-error listConferences is not an operation of the spec
    assertType<OperationMap<Resource, { get: "getParticipant"; remove: "listConferences" }>>({ get: "getParticipant" });
  });
});
