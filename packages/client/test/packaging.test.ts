import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PACKAGE_DIR, requireBuild } from "./support/package-dir.js";

// The package as a user gets it: `pnpm pack` (which turns `workspace:^` into a version) of
// @laml/client and @laml/types, extracted into a scratch project's node_modules. openapi-fetch
// is linked from the workspace, so nothing here touches a registry.
const require = createRequire(import.meta.url);
const TYPES_DIR = join(PACKAGE_DIR, "../types");
const { version } = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as { version: string };

// attw (over both entry points) and tsc run as child processes: on a loaded machine they take
// minutes, not the suite's default minute.
const SLOW_TOOL = { timeout: 240_000 };

let scratch: string;
let consumer: string;
let clientTarball: { filename: string; files: { path: string }[] };

function pack(dir: string): typeof clientTarball {
  return JSON.parse(
    execFileSync("pnpm", ["pack", "--json", "--pack-destination", scratch], { cwd: dir, encoding: "utf8" }),
  );
}

function install(tarball: string, name: string) {
  const target = join(consumer, "node_modules", name);
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
}

/** Runs a command in the consumer; on failure the error carries what it printed. */
function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: consumer, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    throw new Error(`${[command, ...args].join(" ")} failed:\n${stdout}${stderr}`);
  }
}

beforeAll(() => {
  requireBuild();
  scratch = mkdtempSync(join(tmpdir(), "laml-client-pack-"));
  consumer = join(scratch, "consumer");
  clientTarball = pack(PACKAGE_DIR);
  install(clientTarball.filename, "@laml/client");
  install(pack(TYPES_DIR).filename, "@laml/types");
  symlinkSync(
    realpathSync(dirname(require.resolve("openapi-fetch/package.json"))),
    join(consumer, "node_modules", "openapi-fetch"),
    "dir",
  );
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

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

describe("the packed package", () => {
  test("holds the ESM and CJS builds of both entries with their types and the README, nothing else", () => {
    expect(clientTarball.files.map((f) => f.path).sort()).toEqual([
      "README.md",
      "dist/index.cjs",
      "dist/index.d.cts",
      "dist/index.d.ts",
      "dist/index.js",
      "dist/webhooks.cjs",
      "dist/webhooks.d.cts",
      "dist/webhooks.d.ts",
      "dist/webhooks.js",
      "package.json",
    ]);
  });

  test("depends on @laml/types by version, not through the workspace", () => {
    const packed = JSON.parse(readFileSync(join(consumer, "node_modules/@laml/client/package.json"), "utf8"));
    expect(packed.dependencies).toEqual({ "@laml/types": expect.stringMatching(/^\^\d/), "openapi-fetch": "0.17.0" });
  });

  test("publint reports nothing", async () => {
    const tarball = readFileSync(clientTarball.filename);
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: "suggestion",
    });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  test("@arethetypeswrong/cli reports nothing", SLOW_TOOL, () => {
    const attw = join(PACKAGE_DIR, "node_modules/.bin/attw");
    let report: string;
    try {
      report = execFileSync(attw, [clientTarball.filename, "--format", "json"], { encoding: "utf8" });
    } catch (error) {
      report = (error as { stdout: string }).stdout;
    }
    const { analysis } = JSON.parse(report) as { analysis: { problems: unknown[] } };
    expect(analysis.problems).toEqual([]);
  });

  test("imports from ESM (.mjs) under node", () => {
    writeFileSync(
      join(consumer, "esm.mjs"),
      program('import { createLamlClient, LamlApiError, LamlClientError } from "@laml/client";'),
    );
    expect(JSON.parse(run(process.execPath, ["esm.mjs"]))).toEqual(EXPECTED);
  });

  test("requires from CJS (.cjs) under node", () => {
    writeFileSync(
      join(consumer, "cjs.cjs"),
      program('const { createLamlClient, LamlApiError, LamlClientError } = require("@laml/client");'),
    );
    expect(JSON.parse(run(process.execPath, ["cjs.cjs"]))).toEqual(EXPECTED);
  });

  // Twilio's published example (auth token 12345) signed as SignalWire signs with a Signing Key.
  const WEBHOOKS_PROGRAM = `
const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
const fields = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };
Promise.all([
  computeLamlSignature("12345", url, fields),
  verifyLamlSignature("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", url, fields),
]).then(([signature, valid]) => console.log(JSON.stringify({ signature, valid, error: LamlSignatureError.name })));
`;
  const WEBHOOKS_EXPECTED = { signature: "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", valid: true, error: "LamlSignatureError" };

  test("imports @laml/client/webhooks from ESM and requires it from CJS", () => {
    writeFileSync(
      join(consumer, "webhooks.mjs"),
      `import { computeLamlSignature, LamlSignatureError, verifyLamlSignature } from "@laml/client/webhooks";${WEBHOOKS_PROGRAM}`,
    );
    writeFileSync(
      join(consumer, "webhooks.cjs"),
      `const { computeLamlSignature, LamlSignatureError, verifyLamlSignature } = require("@laml/client/webhooks");${WEBHOOKS_PROGRAM}`,
    );
    expect(JSON.parse(run(process.execPath, ["webhooks.mjs"]))).toEqual(WEBHOOKS_EXPECTED);
    expect(JSON.parse(run(process.execPath, ["webhooks.cjs"]))).toEqual(WEBHOOKS_EXPECTED);
  });

  test("type-checks TypeScript consumers in ESM and CJS, and rejects a wrong field", SLOW_TOOL, () => {
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        include: ["*.mts", "*.cts"],
      }),
    );
    writeFileSync(
      join(consumer, "consumer.mts"),
      `import { createLamlClient, LamlApiError, type Participant } from "@laml/client";
const laml = createLamlClient({ spaceUrl: "example.signalwire.com" });
export async function mutedSids(conferenceSid: string): Promise<string[]> {
  const sids: string[] = [];
  for await (const participant of laml.participants.list(conferenceSid, { Muted: true, limit: 10 })) {
    const typed: Participant = participant;
    sids.push(typed.call_sid);
  }
  return sids;
}
export const unmute = (c: string, s: string): Promise<Participant> => laml.participants.update(c, s, { Muted: false });
export const isGone = (error: unknown) => error instanceof LamlApiError && error.status === 404;
// @ts-expect-error Beep is not a field of the API
laml.participants.update("c", "s", { Beep: true });
`,
    );
    writeFileSync(
      join(consumer, "webhooks.mts"),
      `import { type ConferenceEvent, parseConferenceEvent } from "@laml/client/webhooks";
export async function mutedNow(request: Request): Promise<boolean | undefined> {
  const event: ConferenceEvent = await parseConferenceEvent(request, { signingKey: "k" });
  const muted: boolean | undefined = event.Muted;
  // @ts-expect-error Muted is a boolean, not the wire's text
  const text: string | undefined = event.Muted;
  return text === undefined ? muted : muted;
}
`,
    );
    writeFileSync(
      join(consumer, "consumer.cts"),
      `import client = require("@laml/client");
const laml = client.createLamlClient({});
export const participant: Promise<client.Participant> = laml.participants.get("c", "s");
export const page = laml.raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
  params: { path: { AccountSid: laml.accountSid, ConferenceSid: "c" } },
});
`,
    );
    const tsc = require.resolve("typescript/bin/tsc");
    expect(run(process.execPath, [tsc, "-p", "."])).toBe("");
  });
});
