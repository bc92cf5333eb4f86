import { defaultPathSerializer } from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { serializePath } from "../src/resources/raw/serialize-path.js";

const ROOT = "https://example.signalwire.com/api/laml/2010-04-01";

describe("serializePath", () => {
  test("writes the spec's plain parameters as openapi-fetch's default does, encoded", () => {
    const url = `${ROOT}/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json`;
    const params = { AccountSid: "AC 1/2", ConferenceSid: "CF?x", CallSid: 42 };
    expect(serializePath(url, params)).toBe(defaultPathSerializer(url, params));
    expect(serializePath(url, params)).toBe(`${ROOT}/Accounts/AC%201%2F2/Conferences/CF%3Fx/Participants/42.json`);
  });

  test.each([
    ["a missing parameter, left as written", "/a/{Id}/b", {}],
    ["a null parameter", "/a/{Id}", { Id: null }],
    ["a label-style parameter", "/a/{.Id}", { Id: "x" }],
    ["a matrix-style parameter", "/a/{;Id}", { Id: "x" }],
    ["an exploded array", "/a/{Id*}", { Id: ["x", "y"] }],
    ["an array", "/a/{Id}", { Id: ["x", "y"] }],
    ["an object", "/a/{;Id*}", { Id: { k: "v", l: "w" } }],
    ["the same parameter twice", "/a/{Id}/b/{Id}", { Id: "x" }],
    ["a boolean", "/a/{Flag}", { Flag: true }],
  ])("leaves %s as the default writes it", (_, url, params: Record<string, unknown>) => {
    expect(serializePath(url, params)).toBe(defaultPathSerializer(url, params));
  });
});
