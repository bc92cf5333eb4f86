import { describe, expect, test } from "vitest";
import type { OpenApiDocument } from "../src/openapi-document.js";
import { operation, operations, parameter } from "../src/operations.js";
import { readOperations } from "../src/read-operations.js";

const path = (name: string, where: "path" | "query" | "header", type = "string") => ({
  name,
  in: where,
  schema: { type },
});

// A two-path document whose second path overrides a path-level parameter, to pin the merge rule.
const fixture = {
  openapi: "3.1.0",
  info: { title: "fixture", version: "1" },
  servers: [{ url: "https://example.test/base" }],
  paths: {
    "/Things": { get: { operationId: "listThings", responses: {} } },
    "/Things/{Id}": {
      parameters: [path("Id", "path"), path("Trace", "header")],
      delete: { operationId: "deleteThing", responses: {} },
      post: {
        operationId: "updateThing",
        parameters: [path("Id", "path", "integer"), path("Id", "query")],
        requestBody: {
          content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } },
        },
        responses: {},
        "x-codeSamples": [{ lang: "Shell", source: "curl" }],
      },
    },
  },
  components: { schemas: {}, parameters: {}, responses: {}, examples: {}, securitySchemes: {} },
} as unknown as OpenApiDocument;

describe("readOperations", () => {
  const read = readOperations(fixture);

  test("lists every operation in spec order, method upper case, path as written", () => {
    expect(read.map((o) => [o.method, o.path, o.operationId])).toEqual([
      ["GET", "/Things", "listThings"],
      ["DELETE", "/Things/{Id}", "deleteThing"],
      ["POST", "/Things/{Id}", "updateThing"],
    ]);
  });

  test("merges path-level parameters; an operation's own overrides one of the same name and in", () => {
    const update = read[2];
    expect(update?.pathParameters).toEqual([path("Id", "path", "integer")]);
    expect(update?.queryParameters).toEqual([path("Id", "query")]);
    expect(update?.headerParameters).toEqual([path("Trace", "header")]);
    expect(read[1]?.pathParameters).toEqual([path("Id", "path")]);
  });

  test("gives the body schema per media type, the code samples and the raw operation", () => {
    const update = read[2];
    expect(update?.requestBody).toEqual({
      required: false,
      content: { "application/x-www-form-urlencoded": { type: "object" } },
    });
    expect(update?.codeSamples).toEqual([{ lang: "Shell", source: "curl" }]);
    expect(update?.raw).toBe(fixture.paths["/Things/{Id}"]?.post);
    expect(read[0]?.requestBody).toBeUndefined();
    expect(read[0]?.codeSamples).toEqual([]);
  });
});

describe("the spec's operations", () => {
  test("every operation has a unique operationId and a summary", () => {
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of operations) expect(o.summary, o.operationId).toMatch(/\S/);
  });

  test("each path parameter is a {placeholder} of its path, and each placeholder a parameter", () => {
    for (const o of operations) {
      const placeholders = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(o.pathParameters.map((p) => p.name).sort(), o.operationId).toEqual(placeholders.sort());
    }
  });

  test("operation() finds one by id and names the ones that exist when it cannot", () => {
    const [first] = operations;
    if (!first) throw new Error("the spec has no operation");
    expect(operation(first.operationId)).toBe(first);
    const known = operations.map((o) => o.operationId).join(", ");
    expect(() => operation("listNothing")).toThrow(
      `@laml/spec has no operation "listNothing"; its operations are ${known}.`,
    );
  });

  test("parameter() finds one by name (and in) and names the operation's parameters when it cannot", () => {
    expect(parameter("listParticipants", "PageSize")).toMatchObject({ name: "PageSize", in: "query" });
    expect(parameter("getParticipant", "CallSid", "path")).toMatchObject({ name: "CallSid", in: "path" });
    expect(() => parameter("getParticipant", "CallSid", "query")).toThrow(
      /^@laml\/spec operation getParticipant has no parameter "CallSid" in query; its parameters are AccountSid \(path\), /,
    );
    expect(() => parameter("nope", "PageSize")).toThrow(/has no operation "nope"/);
  });
});
