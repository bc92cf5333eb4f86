import { expect, test } from "vitest";
import { createAjv } from "../src/create-ajv.js";

const schema = {
  type: "object",
  properties: { PageSize: { type: "integer", default: 50 }, ConferenceSid: { type: "string", format: "uuid" } },
};

test("knows the spec's formats and reports every error", () => {
  const validate = createAjv().compile(schema);
  expect(validate({ ConferenceSid: "cafe0000-0000-4000-8000-00000000c0f1" })).toBe(true);
  expect(validate({ ConferenceSid: "not-a-uuid", PageSize: "x" })).toBe(false);
  expect(validate.errors).toHaveLength(2);
});

test("fills in defaults only when asked", () => {
  const plain = {};
  createAjv().compile(schema)(plain);
  expect(plain).toEqual({});
  const filled = {};
  createAjv({ useDefaults: true }).compile(schema)(filled);
  expect(filled).toEqual({ PageSize: 50 });
});
