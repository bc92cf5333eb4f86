import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { run } from "./support/run.js";

// The installed @laml/client run by Node from ESM and from CommonJS: a fake fetch serves two
// pages, so nothing leaves the process.
const { consumer, packed } = inject("packaging");
const project = join(consumer, "node-consumers");
const version = packed.find((pkg) => pkg.name === "@laml/client")?.version;

/** A program that pages through two pages with a fake fetch and misuses a SID; prints what it saw. */
function program(load: string): string {
  return `${load}
async function main() {
  const pages = [
    { uri: "/", first_page_uri: "/", next_page_uri: "/api/laml/2010-04-01/Accounts/p/Conferences/c/Participants?PageToken=PA1", previous_page_uri: null, page: 0, page_size: 1, participants: [{ call_sid: "call-0" }] },
    { uri: "/", first_page_uri: "/", next_page_uri: null, previous_page_uri: null, page: 1, page_size: 1, participants: [{ call_sid: "call-1" }] },
  ];
  const requests = [];
  const fetch = async (request) => {
    requests.push({ url: request.url, userAgent: request.headers.get("User-Agent") });
    return new Response(JSON.stringify(pages.shift()), { headers: { "Content-Type": "application/json" } });
  };
  const laml = createLamlClient({ spaceUrl: "http://127.0.0.1:4010", projectId: "p", apiToken: "t", fetch });
  const sids = [];
  for await (const participant of laml.participants.list("c")) sids.push(participant.call_sid);
  let misuse;
  try { laml.participants.list("../x"); } catch (error) { misuse = error instanceof LamlClientError; }
  console.log(JSON.stringify({ sids, requests, misuse, errorClass: LamlApiError.name }));
}
main();
`;
}

const EXPECTED = {
  sids: ["call-0", "call-1"],
  requests: [
    {
      url: "http://127.0.0.1:4010/api/laml/2010-04-01/Accounts/p/Conferences/c/Participants",
      userAgent: `laml-client/${version}`,
    },
    {
      url: "http://127.0.0.1:4010/api/laml/2010-04-01/Accounts/p/Conferences/c/Participants?PageToken=PA1",
      userAgent: `laml-client/${version}`,
    },
  ],
  misuse: true,
  errorClass: "LamlApiError",
};

beforeAll(() => {
  mkdirSync(project);
});

describe("the installed @laml/client under node", () => {
  test("imports from ESM (.mjs)", () => {
    writeFileSync(
      join(project, "esm.mjs"),
      program('import { createLamlClient, LamlApiError, LamlClientError } from "@laml/client";'),
    );
    expect(JSON.parse(run(process.execPath, ["esm.mjs"], project))).toEqual(EXPECTED);
  });

  test("requires from CJS (.cjs)", () => {
    writeFileSync(
      join(project, "cjs.cjs"),
      program('const { createLamlClient, LamlApiError, LamlClientError } = require("@laml/client");'),
    );
    expect(JSON.parse(run(process.execPath, ["cjs.cjs"], project))).toEqual(EXPECTED);
  });
});
