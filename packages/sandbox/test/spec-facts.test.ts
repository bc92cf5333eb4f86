import { apiBasePath, bundle, errorCodes, operation, operations, parameter } from "@laml/spec";
import type { ParticipantPage } from "@laml/types";
import { describe, expect, test } from "vitest";
import { API_PREFIXES } from "../src/http/api-routes.js";
import { ErrorCode } from "../src/http/laml-error.js";
import { TWILIO_ONLY } from "../src/http/twilio-only.js";
import { CURSOR, FILTERS, PAGING } from "../src/operations/list-page.js";
import { operationHandlers } from "../src/operations/operation-handlers.js";
import { JSON_SUFFIX } from "../src/operations/participants-uri.js";
import { injectSandbox } from "./harness.js";

// The facts the sandbox holds in its own code that the spec also states: each is pinned here, so
// a change to the spec that the sandbox does not follow fails.

describe("the sandbox agrees with the spec on", () => {
  test("its error codes: each is in the spec's error table", () => {
    const documented = errorCodes.map((e) => e.code);
    expect(Object.values(ErrorCode).filter((code) => !documented.includes(code))).toEqual([]);
  });

  test("its operations: one handler for each operation of the spec, and none else", () => {
    expect(Object.keys(operationHandlers).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });

  test("the list's filters: every query parameter of the list is a paging one or a filter", () => {
    const names = operation("listParticipants").queryParameters.map((p) => p.name);
    expect([...PAGING, ...Object.keys(FILTERS)].sort()).toEqual([...names].sort());
  });

  test("Twilio's parameters: none is the spec's, and the spec's descriptions name each", () => {
    for (const [operationId, names] of Object.entries(TWILIO_ONLY)) {
      const op = operation(operationId);
      const body = op.requestBody?.content["application/x-www-form-urlencoded"];
      const defined = [...op.queryParameters.map((p) => p.name), ...Object.keys(body?.properties ?? {})];
      const described = `${op.raw.description ?? ""} ${body?.description ?? ""}`;
      for (const name of names) {
        expect(defined, `${operationId} ${name}`).not.toContain(name);
        expect(described, `${operationId} ${name}`).toContain(`Twilio's`);
        expect(described, `${operationId} ${name}`).toContain(`\`${name}\``);
      }
    }
  });

  test("the page token's prefixes: exactly the ones PageToken's pattern accepts", () => {
    const pattern = new RegExp(String(parameter("listParticipants", "PageToken").schema.pattern));
    const letters = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
    const prefixes = letters.flatMap((a) => letters.map((b) => `${a}${b}`));
    const accepted = prefixes.filter((prefix) => pattern.test(`${prefix}${crypto.randomUUID()}`));
    expect(accepted.sort()).toEqual(Object.values(CURSOR).sort());
  });

  test("the base path: served first, then its last segment alone", () => {
    expect(API_PREFIXES).toEqual([apiBasePath, apiBasePath.slice(apiBasePath.lastIndexOf("/"))]);
  });

  describe("the page the spec shows (base path, .json suffix, page URIs, cursor)", () => {
    const example = bundle.components.examples.ParticipantPage?.value as ParticipantPage;
    const [first] = example.participants;
    if (!first) throw new Error("the spec's ParticipantPage example lists no participant");
    const sb = injectSandbox();
    const { account_sid: projectId, conference_sid: conferenceSid } = first;
    sb.state.addAccount({ projectId, apiToken: "t" });
    sb.state.addConference(projectId, { sid: conferenceSid });
    for (const { account_sid, conference_sid, uri, ...fields } of example.participants) {
      sb.state.addParticipant(projectId, conferenceSid, fields);
    }
    // Someone after them, so that the page has a next one as in the example.
    sb.state.addParticipant(projectId, conferenceSid);

    test("is what the sandbox answers to the same request", async () => {
      const response = await sb.request({
        url: example.uri,
        headers: { authorization: sb.basic(projectId, "t") },
      });
      expect(response.json()).toEqual(example);
      expect(example.uri).toContain(`/Participants${JSON_SUFFIX}?`);
    });
  });
});
