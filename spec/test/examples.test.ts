import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { bundle } from "../src/bundle.js";
import { createAjv } from "../src/create-ajv.js";
import { operation, operations } from "../src/operations.js";
import { webhooks } from "../src/webhooks.js";

const ajv = createAjv();

function* mediaExamples(ops: Iterable<{ raw: any }>) {
  for (const { raw: op } of ops) {
    const bodies = Object.entries<any>(op.responses).map(([status, r]) => [`${status}`, r] as const);
    if (op.requestBody) bodies.push(["request", op.requestBody]);
    for (const [where, body] of bodies) {
      for (const media of Object.values<any>(body.content ?? {})) {
        const named = Object.entries<any>(media.examples ?? {}).map(([n, e]) => [n, e.value] as const);
        if ("example" in media) named.push(["example", media.example]);
        for (const [name, value] of named) {
          yield { label: `${op.operationId} ${where} ${name}`, schema: media.schema, value };
        }
      }
    }
  }
}

describe("examples", () => {
  test.each([...mediaExamples(operations)].map((e) => [e.label, e] as const))("%s validates", (_, e) => {
    const validate = ajv.compile(e.schema);
    expect(validate(e.value), ajv.errorsText(validate.errors)).toBe(true);
  });

  test("every operation has an example for its success and error responses", () => {
    for (const { operationId, responses } of operations) {
      for (const [status, response] of Object.entries<any>(responses)) {
        if (status === "204") continue;
        const media = response.content["application/json"];
        expect(media.example ?? media.examples, `${operationId} ${status}`).toBeDefined();
      }
    }
  });

  test("the seed page's example response is a valid list response as-is", async () => {
    // seed-list-example.json is the example response of the API page this project started
    // from, copied verbatim; the spec must keep it unchanged.
    const seed = JSON.parse(await readFile(new URL("./seed-list-example.json", import.meta.url), "utf8"));
    const media: any = operation("listParticipants").responses["200"]?.content?.["application/json"];
    const kept = media.examples.seed.value;
    const validate = ajv.compile(media.schema);
    expect(validate(kept), ajv.errorsText(validate.errors)).toBe(true);
    expect(kept).toEqual(seed);
  });
});

describe("webhooks", () => {
  const callback = (bundle.webhooks as any).conferenceStatusCallback.post;
  const form = callback.requestBody.content["application/x-www-form-urlencoded"];

  test.each([...mediaExamples(webhooks)].map((e) => [e.label, e] as const))("%s validates", (_, e) => {
    const validate = ajv.compile(e.schema);
    expect(validate(e.value), ajv.errorsText(validate.errors)).toBe(true);
  });

  test("the conference status callback is a form-encoded POST and the only webhook", () => {
    expect(webhooks.map(({ name, method }) => `${method} ${name}`)).toEqual(["POST conferenceStatusCallback"]);
    expect(Object.keys(callback.requestBody.content)).toEqual(["application/x-www-form-urlencoded"]);
  });

  test("has one example per documented event, each naming its event", () => {
    const documented: string[] = form.schema.properties.StatusCallbackEvent.examples;
    expect(documented).toHaveLength(10);
    const shown = Object.values<any>(form.examples).map((example) => example.value.StatusCallbackEvent);
    expect(shown.sort()).toEqual([...documented].sort());
  });

  test("documents both signature headers", () => {
    const headers = callback.parameters.filter((p: any) => p.in === "header").map((p: any) => p.name);
    expect(headers).toEqual(["X-SignalWire-Signature", "X-Twilio-Signature"]);
  });

  test("types the form's booleans and integers, not as strings", () => {
    const types = Object.fromEntries(
      Object.entries<any>(form.schema.properties).map(([name, schema]) => [name, schema.type]),
    );
    for (const name of ["EndConferenceOnExit", "Hold", "Muted", "StartConferenceOnEnter"]) {
      expect(types[name], name).toBe("boolean");
    }
    expect(types.Duration).toBe("integer");
  });
});

describe("operations", () => {
  test("are the participant operations SignalWire documents: list, get, update, delete", () => {
    const ids = operations.map(({ operationId }) => operationId).sort();
    expect(ids).toEqual(["deleteParticipant", "getParticipant", "listParticipants", "updateParticipant"]);
  });

  test("each documents 400, 401, 404 and 429 with the LaML error body", () => {
    for (const { operationId, responses } of operations) {
      for (const status of ["400", "401", "404", "429"]) {
        const schema = responses[status]?.content?.["application/json"]?.schema;
        expect(schema?.required, `${operationId} ${status}`).toEqual(["code", "message", "more_info", "status"]);
      }
    }
  });

  test("the error codes the API documents are described", () => {
    for (const code of ["10000", "16002", "20003", "20404", "20429", "21481"]) {
      expect(bundle.info.description).toContain(`| ${code} |`);
    }
  });

  test("the update body is form-encoded only", () => {
    const update = operation("updateParticipant");
    expect(Object.keys(update.requestBody?.content ?? {})).toEqual(["application/x-www-form-urlencoded"]);
  });
});
