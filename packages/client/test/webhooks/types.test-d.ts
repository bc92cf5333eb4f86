import type { ConferenceStatusCallback } from "@laml/types";
import { describe, expectTypeOf, test } from "vitest";
import {
  type ConferenceEvent,
  computeLamlSignature,
  parseConferenceEvent,
  verifyLamlSignature,
} from "../../src/webhooks/index.js";

describe("ConferenceEvent", () => {
  test("is what parseConferenceEvent answers, with the spec's fields typed", () => {
    expectTypeOf(parseConferenceEvent).returns.resolves.toEqualTypeOf<ConferenceEvent>();
    expectTypeOf<ConferenceEvent>().toExtend<ConferenceStatusCallback>();
    expectTypeOf<ConferenceEvent["Muted"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ConferenceEvent["Duration"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ConferenceEvent["ConferenceSid"]>().toEqualTypeOf<string>();
  });

  test("a field the spec does not know is unknown, to be checked before use", () => {
    expectTypeOf<ConferenceEvent["ReasonParticipantLeft"]>().toEqualTypeOf<unknown>();
  });
});

describe("the signature functions", () => {
  test("take a plain object, repeated fields as arrays, or URLSearchParams", () => {
    expectTypeOf(computeLamlSignature).toBeCallableWith("k", "https://x/", { a: "1", b: ["2", "3"] });
    expectTypeOf(computeLamlSignature).toBeCallableWith("k", "https://x/", new URLSearchParams("a=1"));
    // @ts-expect-error a number is not a form value
    computeLamlSignature("k", "https://x/", { a: 1 });
  });

  test("verify takes the raw body too, and a header that may be missing", () => {
    expectTypeOf(verifyLamlSignature).toBeCallableWith("k", null, "https://x/?bodySHA256=ab", "{}");
    expectTypeOf(verifyLamlSignature).returns.resolves.toEqualTypeOf<boolean>();
  });
});
