import { readdirSync, readFileSync } from "node:fs";
import { errorCodes, parameter } from "@laml/spec";
import { describe, expect, test } from "vitest";
import { specFacts } from "./support/spec-facts.js";

// The spec facts the packaging tests and the smoke suite use come from @laml/spec
// (support/spec-facts.ts); these tests fail when one disagrees with the spec or is written out again.

describe("the spec facts the packaging tests use", () => {
  test("the not-found and service-unavailable codes are the spec's for 404 and for 5XX", () => {
    const statusesOf = (code: number) => errorCodes.find((entry) => entry.code === code)?.statuses;
    expect(statusesOf(specFacts.notFoundCode)).toContain("404");
    expect(statusesOf(specFacts.serviceUnavailableCode)).toContain("5XX");
  });

  test("the largest page is PageSize's maximum, and the cursor example fits PageToken's pattern", () => {
    const { schema } = parameter("listParticipants", "PageSize");
    expect(specFacts.pageSizeMax).toBe(schema.maximum);
    expect(specFacts.pageSizeMax).toBeGreaterThanOrEqual(schema.minimum as number);
    const { pattern } = parameter("listParticipants", "PageToken").schema as { pattern: string };
    expect(specFacts.pageTokenExample).toMatch(new RegExp(pattern));
  });

  // Their own copy would go stale silently when the spec changes: they take these from specFacts.
  test("no packaging test or smoke suite file writes out an error code, the API path or the largest page", () => {
    const folder = new URL("./", import.meta.url);
    const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter(
      (file) => /\.(ts|mjs)$/.test(file) && !file.includes("spec-facts"),
    );
    expect(files).toContain("runtime-matrix/smoke-suite.mjs");
    const facts = [
      ...errorCodes.map(({ code }) => new RegExp(`\\b${code}\\b`)),
      new RegExp(specFacts.apiBasePath.replaceAll("/", "\\/")),
      new RegExp(`PageSize=${specFacts.pageSizeMax}\\b`),
    ];
    const written = files.flatMap((file) => {
      const text = readFileSync(new URL(file, folder), "utf8");
      return facts.filter((fact) => fact.test(text)).map((fact) => `${file}: ${fact.source}`);
    });
    expect(written).toEqual([]);
  });
});
