import { describe, expect, test } from "vitest";
import { errorCodeFor } from "../src/error-code-for.js";
import { errorCodes } from "../src/error-codes.js";

describe("errorCodeFor", () => {
  const codes = [
    { code: 1, statuses: ["404"], meaning: "missing" },
    { code: 2, statuses: ["5XX"], meaning: "broken" },
    { code: 3, statuses: ["400", "422"], meaning: "invalid" },
    { code: 4, statuses: ["422"], meaning: "also invalid" },
  ];

  test("takes the one code a list gives a status, exactly or by its class", () => {
    expect([errorCodeFor(404, codes), errorCodeFor(503, codes), errorCodeFor(400, codes)]).toEqual([1, 2, 3]);
  });

  test("refuses a status the list gives no code or several codes, naming them and where to fix the list", () => {
    expect(() => errorCodeFor(401, codes)).toThrow("list none for HTTP 401, and errorCodeFor needs exactly one");
    expect(() => errorCodeFor(422, codes)).toThrow("list 3, 4 for HTTP 422, and errorCodeFor needs exactly one");
    expect(() => errorCodeFor(422, codes)).toThrow(
      "give 422 (or 4XX) to one code in spec/components/schemas/LamlError.yaml's code.x-laml-error-codes",
    );
  });

  test("reads the spec's own list by default: one code for 404, 401 and any 5xx; two for 400", () => {
    const listing = (status: string) => errorCodes.filter(({ statuses }) => statuses.includes(status));
    expect(errorCodeFor(404)).toBe(listing("404")[0]?.code);
    expect(errorCodeFor(401)).toBe(listing("401")[0]?.code);
    expect(errorCodeFor(503)).toBe(listing("5XX")[0]?.code);
    expect(errorCodeFor(500)).toBe(errorCodeFor(503));
    expect(listing("400").length).toBeGreaterThan(1);
    expect(() => errorCodeFor(400)).toThrow(/list \d+, \d+ for HTTP 400/);
  });
});
