import { assertType, describe, expectTypeOf, test } from "vitest";
import type {
  LamlErrorBody,
  ListParticipantsQuery,
  operations,
  Participant,
  ParticipantPage,
  ParticipantPath,
  ParticipantsPath,
  paths,
  UpdateParticipantBody,
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
