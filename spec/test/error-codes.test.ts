import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { bundle } from "../src/bundle.js";
import { errorCodes, readErrorCodes } from "../src/error-codes.js";
import type { OpenApiDocument } from "../src/openapi-document.js";
import { operations } from "../src/operations.js";

// The rows of the introduction's Errors table, as `| code | statuses | meaning |`.
async function tableRows() {
  const text = await readFile(new URL("../descriptions/introduction.md", import.meta.url), "utf8");
  return [...text.matchAll(/^\| (\d+) \| ([^|]+) \| (.+) \|$/gm)].map(([, code, statuses, meaning]) => ({
    code: Number(code),
    statuses: statuses?.split(", ").map((s) => s.trim()),
    meaning,
  }));
}

describe("errorCodes", () => {
  test("is the introduction's Errors table, row for row", async () => {
    expect(await tableRows()).toEqual(errorCodes);
  });

  test("lists each code once", () => {
    const codes = errorCodes.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test("every code an operation's error example answers is listed, with that status", () => {
    for (const o of operations) {
      for (const [status, response] of Object.entries(o.responses)) {
        const media = response.content?.["application/json"];
        const example = media?.example as { code?: number } | undefined;
        if (!Number(status) || Number(status) < 400 || example?.code === undefined) continue;
        const listed = errorCodes.find((e) => e.code === example.code);
        expect(listed?.statuses, `${o.operationId} ${status} code ${example.code}`).toContain(status);
      }
    }
  });

  test("every error status an operation documents is carried by a listed code", () => {
    const carried = new Set(errorCodes.flatMap((e) => e.statuses));
    for (const o of operations) {
      for (const status of Object.keys(o.responses).filter((s) => Number(s) >= 400)) {
        expect(carried, `${o.operationId} ${status}`).toContain(status);
      }
    }
  });

  test("refuses a spec without the list, or with a malformed entry, saying where it belongs", () => {
    const withCode = (code: unknown) =>
      ({ components: { schemas: { LamlError: { properties: { code } } } } }) as unknown as OpenApiDocument;
    expect(() => readErrorCodes(withCode({ type: "integer" }))).toThrow(
      "@laml/spec has no components.schemas.LamlError.properties.code.x-laml-error-codes; list the error codes there (see spec/README.md).",
    );
    expect(() =>
      readErrorCodes(withCode({ "x-laml-error-codes": [{ code: "1", statuses: [], meaning: "" }] })),
    ).toThrow(/has a malformed entry \{"code":"1"/);
    expect(readErrorCodes(bundle)).toEqual(errorCodes);
  });
});
