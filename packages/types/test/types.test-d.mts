import { assertType, describe, expectTypeOf, test } from "vitest";
import type {
  ApiOperationId,
  ConferenceEventName,
  ConferenceStatusCallback,
  LamlErrorBody,
  ListParticipantsQuery,
  operations,
  Participant,
  ParticipantPage,
  ParticipantPath,
  ParticipantsPath,
  paths,
  UpdateParticipantBody,
  webhooks,
} from "../src/index.mjs";

describe("ListParticipantsQuery", () => {
  test("filters are optional booleans", () => {
    expectTypeOf<ListParticipantsQuery["Muted"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ListParticipantsQuery["Hold"]>().toEqualTypeOf<boolean | undefined>();
    assertType<ListParticipantsQuery>({});
  });

  test("paging fields keep the wire's names and types", () => {
    assertType<ListParticipantsQuery>({ Page: 0, PageSize: 1000, PageToken: "PAabc" });
    // @ts-expect-error PageSize is a number, not a string
    assertType<ListParticipantsQuery>({ PageSize: "50" });
    // @ts-expect-error the wire name is PageSize; camelCase is not accepted
    assertType<ListParticipantsQuery>({ pageSize: 50 });
  });
});

describe("UpdateParticipantBody", () => {
  test("every field is optional", () => {
    assertType<UpdateParticipantBody>({});
    assertType<UpdateParticipantBody>({ Muted: false, Hold: true, HoldMethod: "GET" });
    assertType<UpdateParticipantBody>({ Coaching: true, CallSidToCoach: "c7e4a1b2-9d3f-4e6a-8b5c-2f1e0d9c8b7a" });
  });

  test("an unknown field does not compile", () => {
    // @ts-expect-error Beep was removed from the API
    assertType<UpdateParticipantBody>({ Beep: true });
    // @ts-expect-error field names are PascalCase, as on the wire
    assertType<UpdateParticipantBody>({ muted: true });
  });

  test("methods are GET or POST only", () => {
    // @ts-expect-error PUT is not a method SignalWire uses to fetch a URL
    assertType<UpdateParticipantBody>({ AnnounceMethod: "PUT" });
  });
});

describe("Participant", () => {
  test("status accepts an unknown string", () => {
    expectTypeOf<"in-progress">().toExtend<Participant["status"]>();
    expectTypeOf<"some-future-status">().toExtend<Participant["status"]>();
  });

  test("call_sid_to_coach may be null", () => {
    expectTypeOf<null>().toExtend<Participant["call_sid_to_coach"]>();
  });

  test("identity fields are required", () => {
    expectTypeOf<Participant["call_sid"]>().toEqualTypeOf<string>();
    expectTypeOf<Participant["muted"]>().toEqualTypeOf<boolean>();
  });
});

describe("ParticipantPage", () => {
  test("next_page_uri is nullable and participants are Participant[]", () => {
    expectTypeOf<ParticipantPage["next_page_uri"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ParticipantPage["participants"]>().toEqualTypeOf<Participant[]>();
  });

  test("the older envelope fields are optional", () => {
    expectTypeOf<ParticipantPage["account_sid"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ParticipantPage["start"]>().toEqualTypeOf<number | undefined>();
  });
});

describe("LamlErrorBody", () => {
  test("has the four LaML error fields", () => {
    expectTypeOf<LamlErrorBody>().toEqualTypeOf<{
      code: number;
      message: string;
      more_info: string;
      status: number;
    }>();
  });
});

describe("paths and operations", () => {
  test("the path names are keys of paths", () => {
    expectTypeOf<ParticipantsPath>().toExtend<keyof paths>();
    expectTypeOf<ParticipantPath>().toExtend<keyof paths>();
    expectTypeOf<paths[ParticipantPath]["delete"]>().toEqualTypeOf<operations["deleteParticipant"]>();
  });

  test("the list answers a ParticipantPage", () => {
    expectTypeOf<
      operations["listParticipants"]["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<ParticipantPage>();
  });
});

describe("ConferenceStatusCallback", () => {
  test("is the form body of the conferenceStatusCallback webhook", () => {
    expectTypeOf<
      NonNullable<operations["conferenceStatusCallback"]["requestBody"]>["content"]["application/x-www-form-urlencoded"]
    >().toEqualTypeOf<ConferenceStatusCallback>();
    expectTypeOf<webhooks["conferenceStatusCallback"]["post"]>().toEqualTypeOf<
      operations["conferenceStatusCallback"]
    >();
  });

  test("the conference-level fields are required, the participant's optional", () => {
    expectTypeOf<ConferenceStatusCallback["ConferenceSid"]>().toEqualTypeOf<string>();
    expectTypeOf<ConferenceStatusCallback["StatusCallbackEvent"]>().toEqualTypeOf<ConferenceEventName>();
    expectTypeOf<ConferenceStatusCallback["Timestamp"]>().toEqualTypeOf<string>();
    expectTypeOf<ConferenceStatusCallback["CallSid"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error the event name is required
    assertType<ConferenceStatusCallback>({ AccountSid: "a", ConferenceSid: "c", Timestamp: "t" });
  });

  test("flags are booleans and Duration an integer, not the wire's text", () => {
    expectTypeOf<ConferenceStatusCallback["Muted"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ConferenceStatusCallback["Hold"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ConferenceStatusCallback["StartConferenceOnEnter"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ConferenceStatusCallback["EndConferenceOnExit"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ConferenceStatusCallback["Duration"]>().toEqualTypeOf<number | undefined>();
    const base = { AccountSid: "a", ConferenceSid: "c", StatusCallbackEvent: "participant-mute", Timestamp: "t" };
    // @ts-expect-error Muted is a boolean, not "true"
    assertType<ConferenceStatusCallback>({ ...base, Muted: "true" });
  });

  test("field names keep the wire's PascalCase", () => {
    const base = { AccountSid: "a", ConferenceSid: "c", StatusCallbackEvent: "conference-end", Timestamp: "t" };
    assertType<ConferenceStatusCallback>({ ...base, Duration: 60 });
    // @ts-expect-error camelCase is not a field of the callback
    assertType<ConferenceStatusCallback>({ ...base, conferenceSid: "c" });
  });
});

describe("ConferenceEventName", () => {
  test("accepts the documented events and unknown future ones", () => {
    expectTypeOf<"participant-join">().toExtend<ConferenceEventName>();
    expectTypeOf<"participant-some-future-event">().toExtend<ConferenceEventName>();
  });
});

describe("ApiOperationId", () => {
  test("is every operation of the spec's paths and none of its webhooks", () => {
    expectTypeOf<ApiOperationId>().toEqualTypeOf<
      "listParticipants" | "getParticipant" | "updateParticipant" | "deleteParticipant"
    >();
    expectTypeOf<"conferenceStatusCallback">().toExtend<keyof operations>();
  });
});
