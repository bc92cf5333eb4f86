import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { run } from "./support/run.js";
import { specFacts } from "./support/spec-facts.js";

// Each entry point of the installed @laml/client run by Node from ESM and from CommonJS. Fake
// fetches answer the REST calls, so nothing leaves the process.
const { consumer, packed } = inject("packaging");
const project = join(consumer, "node-consumers");
const version = packed.find((pkg) => pkg.name === "@laml/client")?.version;
const { apiBasePath, notFoundCode, pageSizeMax, pageTokenExample } = specFacts;
/** The participants of conference `c` of account `p`, as the fake fetches' API serves them. */
const participants = `http://127.0.0.1:4010${apiBasePath}/Accounts/p/Conferences/c/Participants`;
/** A LaML 404, as the API answers a participant who is not there. */
const notFound = `Response.json({ code: ${notFoundCode}, message: "Not found", status: 404 }, { status: 404 })`;

/** The names a program takes from each module, loaded by `import` in ESM and `require` in CJS. */
type Imports = Record<string, string[]>;

const LOADERS = {
  esm: (imports: Imports) =>
    Object.entries(imports)
      .map(([module, names]) => `import { ${names.join(", ")} } from "${module}";`)
      .join("\n"),
  cjs: (imports: Imports) =>
    Object.entries(imports)
      .map(([module, names]) => `const { ${names.join(", ")} } = require("${module}");`)
      .join("\n"),
};

/** A Node program: what it loads, the body that prints JSON, and what it must print. */
interface NodeProgram {
  name: string;
  imports: Imports;
  body: string;
  expected: unknown;
}

const PROGRAMS: NodeProgram[] = [
  {
    name: "pages through two pages with @laml/client and rejects a misused SID",
    imports: { "@laml/client": ["createLamlClient", "LamlApiError", "LamlClientError"] },
    body: `
async function main() {
  const pages = [
    { uri: "/", first_page_uri: "/", next_page_uri: "${new URL(participants).pathname}?PageToken=${pageTokenExample}", previous_page_uri: null, page: 0, page_size: 1, participants: [{ call_sid: "call-0" }] },
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
`,
    expected: {
      sids: ["call-0", "call-1"],
      requests: [
        {
          url: `${participants}?PageSize=${pageSizeMax}`,
          userAgent: `laml-client/${version}`,
        },
        {
          url: `${participants}?PageToken=${pageTokenExample}`,
          userAgent: `laml-client/${version}`,
        },
      ],
      misuse: true,
      errorClass: "LamlApiError",
    },
  },
  {
    // The roster tells a 404 by the error's name and status: under CJS the roster and the core
    // are separate bundles, each with its own LamlApiError class, so instanceof would miss it.
    // The participant who joined is gone (404), which is no error. The reconcile timer is
    // unref'd: the process ends without close(), or run() times out.
    name: "keeps a roster with @laml/client/roster, tells a 404 from the core's error and lets the process end",
    imports: { "@laml/client": ["createLamlClient"], "@laml/client/roster": ["createRoster"] },
    body: `
async function main() {
  const people = [{ call_sid: "call-0", date_updated: "Tue, 24 Nov 2026 21:00:00 +0000" }];
  const fetch = async (request) => {
    if (new URL(request.url).pathname.endsWith("/Participants")) return Response.json({ next_page_uri: null, participants: people });
    return ${notFound};
  };
  const laml = createLamlClient({ spaceUrl: "http://127.0.0.1:4010", projectId: "p", apiToken: "t", fetch });
  const roster = await createRoster(laml, "c", { reconcileEveryMs: 60000 });
  const errors = [];
  roster.addEventListener("error", (event) => errors.push(String(event.detail)));
  await roster.apply({ StatusCallbackEvent: "participant-join", ConferenceSid: "c", CallSid: "call-1" });
  console.log(JSON.stringify({ sids: roster.snapshot().map((p) => p.call_sid), errors }));
}
main();
`,
    expected: { sids: ["call-0"], errors: [] },
  },
  {
    // As the roster, the bulk entry tells a participant who left (404, with the spec's not-found
    // code) by the error's fields, since under CJS its bundle and the core's each have their own
    // LamlApiError class.
    name: "mutes a conference with @laml/client/bulk, telling who left from the core's error",
    imports: { "@laml/client": ["createLamlClient"], "@laml/client/bulk": ["withBulk"] },
    body: `
async function main() {
  const people = ["call-0", "call-1", "call-2"].map((call_sid) => ({ call_sid, muted: false }));
  const fetch = async (request) => {
    if (request.method === "GET") return Response.json({ next_page_uri: null, participants: people });
    if (request.url.endsWith("/call-1")) return ${notFound};
    return Response.json({ call_sid: request.url.split("/").pop(), muted: true });
  };
  const laml = withBulk(createLamlClient({ spaceUrl: "http://127.0.0.1:4010", projectId: "p", apiToken: "t", fetch }));
  const { updated, gone, failed } = await laml.participants.updateAll("c", { Muted: true }, { where: { Muted: false } });
  console.log(JSON.stringify({ updated: updated.map((p) => p.call_sid), gone, failed }));
}
main();
`,
    expected: { updated: ["call-0", "call-2"], gone: ["call-1"], failed: [] },
  },
  {
    name: "updates a participant through withRaw(laml).raw, kept through withOptions, as a form",
    imports: { "@laml/client": ["createLamlClient", "withRaw"] },
    body: `
async function main() {
  const requests = [];
  const fetch = async (request) => {
    requests.push({ method: request.method, type: request.headers.get("Content-Type"), trace: request.headers.get("X-Trace"), body: await request.text() });
    return Response.json({ call_sid: "s", muted: true });
  };
  const laml = createLamlClient({ spaceUrl: "http://127.0.0.1:4010", projectId: "p", apiToken: "t", fetch });
  const { raw } = withRaw(laml).withOptions({ headers: { "X-Trace": "t-1" } });
  const { data } = await raw.POST("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}", {
    params: { path: { AccountSid: laml.accountSid, ConferenceSid: "c", CallSid: "s" } },
    body: { Muted: true },
  });
  console.log(JSON.stringify({ muted: data.muted, requests, plain: "raw" in laml }));
}
main();
`,
    expected: {
      muted: true,
      requests: [{ method: "POST", type: "application/x-www-form-urlencoded", trace: "t-1", body: "Muted=true" }],
      plain: false,
    },
  },
  {
    // Twilio's published example (auth token 12345), signed as SignalWire signs with a Signing Key.
    name: "computes and verifies Twilio's published example signature with @laml/client/webhooks",
    imports: { "@laml/client/webhooks": ["computeLamlSignature", "LamlSignatureError", "verifyLamlSignature"] },
    body: `
const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
const fields = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };
Promise.all([
  computeLamlSignature("12345", url, fields),
  verifyLamlSignature("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", url, fields),
]).then(([signature, valid]) => console.log(JSON.stringify({ signature, valid, error: LamlSignatureError.name })));
`,
    expected: { signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", valid: true, error: "LamlSignatureError" },
  },
];

/** Long enough for a loaded machine; a program whose timers keep it alive fails instead of hanging. */
const PROCESS_END_MS = 30_000;

beforeAll(() => {
  mkdirSync(project);
});

describe.each(PROGRAMS.map((program, index) => ({ ...program, index })))(
  "a Node program that $name",
  ({ imports, body, expected, index }) => {
    test.each([
      { style: "esm", file: `program-${index}.mjs` },
      { style: "cjs", file: `program-${index}.cjs` },
    ] as const)("loaded from $style ($file)", ({ style, file }) => {
      writeFileSync(join(project, file), `${LOADERS[style](imports)}\n${body}`);
      expect(JSON.parse(run(process.execPath, [file], project, { timeoutMs: PROCESS_END_MS }))).toEqual(expected);
    });
  },
);
