import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { apiBasePath, readApiBasePath, resolveServerUrl } from "../src/api-base-path.js";

describe("apiBasePath", () => {
  test("is the path of the server URL openapi.yaml declares", async () => {
    const source = parse(await readFile(new URL("../openapi.yaml", import.meta.url), "utf8"));
    const url: string = source.servers[0].url;
    expect(url.endsWith(apiBasePath)).toBe(true);
    expect(apiBasePath).toBe("/api/laml/2010-04-01");
  });

  test("replaces server variables by their defaults", () => {
    const server = { url: "https://{space}.example.test/v1/", variables: { space: { default: "demo" } } };
    expect(resolveServerUrl(server)).toBe("https://demo.example.test/v1/");
    expect(readApiBasePath([server])).toBe("/v1");
  });

  test("refuses a variable without a default, and a document without servers", () => {
    expect(() => resolveServerUrl({ url: "https://{space}.example.test" })).toThrow(
      "@laml/spec server variable {space} of https://{space}.example.test has no default; add one.",
    );
    expect(() => readApiBasePath([])).toThrow(/declares no server; add one under `servers:`/);
  });
});
