import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { beforeAll, describe, expect, test } from "vitest";
import { PACKAGE_DIR, requireBuild } from "./support/package-dir.js";

/**
 * The budget for the bench's minimal list program (`createLamlClient` + `list`), minified and
 * gzipped: 6 KiB, the target the bench prints (docs/decisions.md, "The minimal program's size").
 */
const BUDGET_BYTES = 6 * 1024;
/**
 * The budget for the same program with `withRaw(laml).raw`, which brings openapi-fetch in:
 * 8 KiB. A raw call that no middleware needs is made beside openapi-fetch's own call path,
 * which still has to be there for those that do: the bytes of both buy the CPU the first one
 * saves a call (docs/decisions.md, "A raw call with no middleware skips openapi-fetch's call").
 */
const RAW_BUDGET_BYTES = 8 * 1024;
/** The budget of `@laml/client/roster` alone: it takes the client as an argument, so none of it is in here. */
const ROSTER_BUDGET_BYTES = 2 * 1024;
/** The budget of `@laml/client/bulk` alone: it takes the client's participants as an argument, so none of it is in here. */
const BULK_BUDGET_BYTES = 1024;
/** The budget for all of @laml/client/webhooks, minified and gzipped: 2.5 kB. */
const WEBHOOKS_BUDGET_BYTES = 2.5 * 1024;

/** Bundles `code` as a browser app would (the published ESM build, minified) and gzips it at level 9. */
async function gzippedBundle(code: string): Promise<{ text: string; gzipped: number }> {
  const result = await build({
    stdin: { contents: code, resolveDir: PACKAGE_DIR, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { text: new TextDecoder().decode(bytes), gzipped: gzipSync(bytes, { level: 9 }).length };
}

// The same program as the bench's (bench/src/programs/laml-client.mjs, connect + listAll), so
// that this budget and the bench's row measure the same bytes.
const MINIMAL_APP = `
import { createLamlClient } from "@laml/client";
export function connect({ origin, accountSid, apiToken }) {
  return createLamlClient({ spaceUrl: origin, projectId: accountSid, apiToken });
}
export async function listAll(laml, conferenceSid, pageSize, visit) {
  for await (const participant of laml.participants.list(conferenceSid, { PageSize: pageSize })) visit(participant);
}
`;

// The same program with the raw client: the bench's `laml.raw.GET` row (listPageRaw).
const RAW_APP = `${MINIMAL_APP}
import { withRaw } from "@laml/client";
export async function listPageRaw(laml, conferenceSid) {
  const path = { AccountSid: laml.accountSid, ConferenceSid: conferenceSid };
  return (await withRaw(laml).raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", { params: { path } })).data;
}
`;

/** A string only openapi-fetch carries (one of its error messages). */
const OPENAPI_FETCH_CODE = "Middleware must be an object";

/** Strings only the participants resource and its paging carry (error messages, SID names). */
const PARTICIPANTS_CODE = ["The API repeated next_page_uri", '"conferenceSid"'];

beforeAll(requireBuild);

describe("bundle size", () => {
  test("createLamlClient + list is at most 6 KiB minified and gzipped, and has no openapi-fetch", async () => {
    const { text, gzipped } = await gzippedBundle(MINIMAL_APP);
    console.log(`createLamlClient + list: ${gzipped} bytes gzipped (budget ${BUDGET_BYTES})`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(text).not.toContain(OPENAPI_FETCH_CODE);
    // Importing withRaw without calling it adds nothing (the package has no side effects): the
    // same code, only the minifier's names may differ.
    const unused = await gzippedBundle(`${MINIMAL_APP}\nimport { withRaw, createRawClient } from "@laml/client";`);
    expect(unused.text.length).toBe(text.length);
  });

  test("the same program with withRaw(laml).raw is at most 8 KiB: openapi-fetch and raw's own call path are what it adds", async () => {
    const minimal = await gzippedBundle(MINIMAL_APP);
    const { text, gzipped } = await gzippedBundle(RAW_APP);
    const { gzipped: openapiFetchAlone } = await gzippedBundle(
      `import createClient from "openapi-fetch"; console.log(createClient({ baseUrl: "x" }));`,
    );
    console.log(
      `createLamlClient + list + withRaw: ${gzipped} bytes gzipped (budget ${RAW_BUDGET_BYTES}, ${gzipped - minimal.gzipped} more); openapi-fetch alone: ${openapiFetchAlone}`,
    );
    expect(gzipped).toBeLessThanOrEqual(RAW_BUDGET_BYTES);
    expect(text).toContain(OPENAPI_FETCH_CODE);
  });

  test("is tree-shakeable: importing only LamlApiError leaves openapi-fetch and the client out", async () => {
    const { text, gzipped } = await gzippedBundle(
      `import { LamlApiError } from "@laml/client"; console.log(new LamlApiError("GET", new Response(), ""));`,
    );
    const { gzipped: whole } = await gzippedBundle(MINIMAL_APP);
    console.log(`LamlApiError alone: ${gzipped} bytes gzipped`);
    expect(text).not.toContain(OPENAPI_FETCH_CODE);
    expect(text).not.toContain("SIGNALWIRE_API_TOKEN");
    expect(gzipped).toBeLessThan(whole / 4);
  });

  test("a program that builds only the raw client bundles no participants code", async () => {
    const { text } = await gzippedBundle(`
      import { createLamlCore, createRawClient } from "@laml/client";
      const raw = createRawClient(createLamlCore());
      console.log(await raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {}));
    `);
    expect(text).toContain(OPENAPI_FETCH_CODE);
    for (const participantsCode of PARTICIPANTS_CODE) expect(text).not.toContain(participantsCode);
  });

  test("a program that builds only the participants resource bundles no openapi-fetch", async () => {
    const { text, gzipped } = await gzippedBundle(`
      import { createLamlCore, createParticipants } from "@laml/client";
      for await (const p of createParticipants(createLamlCore()).list("c")) console.log(p);
    `);
    const { gzipped: whole } = await gzippedBundle(MINIMAL_APP);
    console.log(`createLamlCore + createParticipants + list: ${gzipped} bytes gzipped`);
    for (const participantsCode of PARTICIPANTS_CODE) expect(text).toContain(participantsCode);
    expect(text).not.toContain(OPENAPI_FETCH_CODE);
    expect(gzipped).toBeLessThan(whole);
  });

  test("@laml/client/roster is at most 2 kB on its own and carries none of the core", async () => {
    const { text, gzipped } = await gzippedBundle(`export { createRoster } from "@laml/client/roster";`);
    console.log(`@laml/client/roster: ${gzipped} bytes gzipped (budget ${ROSTER_BUDGET_BYTES})`);
    expect(gzipped).toBeLessThanOrEqual(ROSTER_BUDGET_BYTES);
    expect(text).not.toContain("SIGNALWIRE_API_TOKEN");
    expect(text).not.toContain(OPENAPI_FETCH_CODE);
    expect(readFileSync(`${PACKAGE_DIR}/dist/index.js`, "utf8")).not.toMatch(/reconcile|roster/i);
  });
});

describe("the bulk entry", () => {
  /** Strings only bulk moderation carries: its option errors, and its reports' keys as minified code writes them. */
  const BULK_CODE = ["Invalid concurrency", "Invalid except", "updated:", "removed:", "gone:"];

  test("all of @laml/client/bulk is at most 1 KiB on its own and carries none of the core", async () => {
    const { text, gzipped } = await gzippedBundle(`export * from "@laml/client/bulk";`);
    console.log(`@laml/client/bulk: ${gzipped} bytes gzipped (budget ${BULK_BUDGET_BYTES})`);
    expect(gzipped).toBeLessThanOrEqual(BULK_BUDGET_BYTES);
    expect(text).not.toContain("SIGNALWIRE_API_TOKEN");
    for (const participantsCode of PARTICIPANTS_CODE) expect(text).not.toContain(participantsCode);
  });

  test("stays out of the minimal createLamlClient + list program, which is byte for byte what it was", async () => {
    const minimal = await gzippedBundle(MINIMAL_APP);
    for (const bulkCode of BULK_CODE) expect(minimal.text).not.toContain(bulkCode);
    for (const file of ["dist/index.js", "dist/index.cjs"]) {
      expect(readFileSync(`${PACKAGE_DIR}/${file}`, "utf8")).not.toMatch(/concurrency|updateAll|removeAll|withBulk/);
    }
    // Importing the entry without calling it adds nothing either (the package has no side
    // effects): the same code, only the minifier's names may differ.
    const unused = await gzippedBundle(`${MINIMAL_APP}\nimport { updateAll, withBulk } from "@laml/client/bulk";`);
    expect(unused.text.length).toBe(minimal.text.length);
    const used = await gzippedBundle(`${MINIMAL_APP}
      import { withBulk } from "@laml/client/bulk";
      export const muteAll = (laml, c) => withBulk(laml).participants.updateAll(c, { Muted: true }, { where: { Muted: false } });`);
    console.log(
      `createLamlClient + list + updateAll: ${used.gzipped} bytes gzipped (${used.gzipped - minimal.gzipped} more)`,
    );
    for (const bulkCode of BULK_CODE) expect(used.text).toContain(bulkCode);
  });
});

describe("the webhooks entry", () => {
  test("all of @laml/client/webhooks is at most 2.5 kB minified and gzipped", async () => {
    const { gzipped } = await gzippedBundle(`export * from "@laml/client/webhooks";`);
    console.log(`@laml/client/webhooks: ${gzipped} bytes gzipped (budget ${WEBHOOKS_BUDGET_BYTES})`);
    expect(gzipped).toBeLessThanOrEqual(WEBHOOKS_BUDGET_BYTES);
  });

  test("stays out of the core entry: all of @laml/client carries none of it", async () => {
    const { text, gzipped } = await gzippedBundle(`export * from "@laml/client";`);
    console.log(`all of @laml/client: ${gzipped} bytes gzipped`);
    expect(text).not.toContain("X-SignalWire-Signature");
    expect(text).not.toContain("HMAC");
    expect(readFileSync(`${PACKAGE_DIR}/dist/index.js`, "utf8")).not.toMatch(/Signature|webhooks/);
  });
});

describe("runtime code", () => {
  test.each([
    "dist/index.js",
    "dist/index.cjs",
    "dist/webhooks.js",
    "dist/webhooks.cjs",
    "dist/roster.js",
    "dist/roster.cjs",
    "dist/bulk.js",
    "dist/bulk.cjs",
  ])("%s uses no Node built-in (runs wherever fetch runs)", (file) => {
    const code = readFileSync(`${PACKAGE_DIR}/${file}`, "utf8");
    expect(code).not.toMatch(/["']node:|\bBuffer\b/);
    // The environment is read only through globalThis.process, where one exists; the bundled
    // openapi-fetch looks at process.versions only behind its own typeof guard.
    const unguarded = code.replace(/globalThis\.process\?\./g, "").replace(/typeof process === "object" &&.*/g, "");
    expect(unguarded).not.toMatch(/\bprocess\b/);
    // Nothing is required or imported at run time: openapi-fetch is bundled in (load time), and
    // @laml/types is types only.
    expect([...code.matchAll(/(?:require\(|from\s*)["']([^"']+)["']/g)]).toEqual([]);
  });
});
