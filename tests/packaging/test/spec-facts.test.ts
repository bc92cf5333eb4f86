import { readdirSync, readFileSync } from "node:fs";
import { errorCodes } from "@laml/spec";
import { describe, expect, test } from "vitest";
import { specFacts } from "./support/spec-facts.js";

// The spec facts the packaging tests and the smoke suite use come from @laml/spec
// (support/spec-facts.ts); this test fails when one of them is written out again by hand, where
// it would go stale silently when the spec changes.

/**
 * A LaML error code written out where a code is meant: after the word `code` on the same line
 * (`code: 20404`, `"code":20404`, `code === 20404`, `.code).toBe(20404)`), so that the same digits
 * as a duration or a count (`timeout: 10000`) are not taken for one.
 */
const writtenCode = (code: number) => new RegExp(`\\bcode\\b[^\\n;]{0,24}?(?<![\\w.])${code}(?![\\w.])`);

describe("the spec facts the packaging tests use", () => {
  test("a code counts as written out after the word code, and not as a duration", () => {
    const [code] = errorCodes.map((entry) => entry.code);
    const pattern = writtenCode(code as number);
    for (const text of [
      `{ code: ${code} }`,
      `{"code":${code},"message":"x"}`,
      `if (error.code === ${code}) return;`,
      `expect(error.code).toBe(${code});`,
    ]) {
      expect(text, text).toMatch(pattern);
    }
    for (const text of [`{ timeout: ${code} }`, `setTimeout(done, ${code});`, `{ code: 1${code} }`]) {
      expect(text, text).not.toMatch(pattern);
    }
  });

  test("no packaging test or smoke suite file writes out an error code, the API path or the largest page", () => {
    const folder = new URL("./", import.meta.url);
    const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter(
      (file) => /\.(ts|mjs)$/.test(file) && !file.includes("spec-facts"),
    );
    expect(files).toContain("runtime-matrix/smoke-suite.mjs");
    const facts = [
      ...errorCodes.map(({ code }) => writtenCode(code)),
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
