import { randomUUID } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SandboxExchange } from "@laml/sandbox";
import { operation } from "@laml/spec";
import { ensureBun } from "@laml/test-runtimes/ensure-bun";
import { CHROMIUM_ARGS, ensureChromium } from "@laml/test-runtimes/ensure-chromium";
import { ensureDeno } from "@laml/test-runtimes/ensure-deno";
import { startRefusingProxy } from "@laml/test-runtimes/start-refusing-proxy";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import {
  CHECK_NAMES,
  type CheckResult,
  expectedRequests,
  RESEND_CHECK,
  RESEND_OUTCOMES,
  type SmokeConfig,
  type SmokeRequest,
} from "./runtime-matrix/smoke-suite.mjs";
import { install } from "./support/pack-and-install.js";
import { runAsync } from "./support/run.js";
import { specFacts } from "./support/spec-facts.js";
import { startPageServer } from "./support/start-page-server.js";

// The runtime matrix: a project outside the workspace installs every packed tarball (types,
// client, sandbox), starts the installed sandbox on 127.0.0.1, and runs one smoke suite
// (runtime-matrix/smoke-suite.mjs) on Node, Bun, Deno and in Chromium, each against a
// conference of its own. The suite reports each check; each is a test here.
const { consumer, packed } = inject("packaging");
const folder = join(consumer, "..", "runtime-matrix");
const SUITE = "smoke-suite.mjs";

type Sandbox = Awaited<ReturnType<typeof import("@laml/sandbox")["startSandbox"]>>;
let sandbox: Sandbox;
let slowSandbox: Sandbox;
let flakySandbox: Sandbox;
let page: Awaited<ReturnType<typeof startPageServer>>;

/** Far beyond the suite's timeout, so only the client's timeout can end the slow call. */
const SLOW_LATENCY_MS = 60_000;
/** Short, so the slow call costs little; the sandbox's latency is far longer. */
const TIMEOUT_MS = 500;
/** Muted and on hold, per participant: seven of them, three pages of three. */
const PARTICIPANTS = [{ muted: true }, {}, { hold: true }, {}, { muted: true, hold: true }, {}, {}] as const;
const PAGE_SIZE = 3;
/** Long enough for a loaded two-core machine; a run that hangs fails instead of stalling CI. */
const RUN_MS = 60_000;

/**
 * A request as the tests compare them: its method, the spec operation that answered it (none for
 * a CORS preflight) and the participant it named, e.g. `GET getParticipant <CallSid>`.
 */
function requestLine(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined).join(" ");
}

/** The requests the sandbox answered, in order, by the account (one per runtime) they named. */
const answeredByAccount = new Map<string, string[]>();

/** Records what the sandbox answered, by account: appended in place, as requests come. */
function record({ method, url, operationId, params }: SandboxExchange) {
  const account = /\/Accounts\/([^/]+)\//.exec(url)?.[1];
  if (!account) return;
  if (!answeredByAccount.has(account)) answeredByAccount.set(account, []);
  answeredByAccount.get(account)?.push(requestLine(method, operationId, params.CallSid));
}

/** A request the suite expects, with the method the spec gives its operation. */
function expectedLine([operationId, callSid]: SmokeRequest): string {
  return requestLine(operation(operationId).method, operationId, callSid);
}

/** An account and a conference of the runtime's own, seeded, and the suite's configuration for it. */
function seed(): SmokeConfig {
  const { projectId, apiToken } = sandbox.addAccount();
  slowSandbox.addAccount({ projectId, apiToken });
  flakySandbox.addAccount({ projectId, apiToken });
  // Runtimes run one after another: the faults are this runtime's.
  flakySandbox.faults.clear();
  flakySandbox.faults.next("503", "drop");
  const conferenceSid = sandbox.addConference(projectId);
  const sids = PARTICIPANTS.map((fields) => ({
    ...fields,
    sid: sandbox.addParticipant(projectId, conferenceSid, fields),
  }));
  return {
    spaceUrl: sandbox.url,
    slowSpaceUrl: slowSandbox.url,
    flakySpaceUrl: flakySandbox.url,
    projectId,
    apiToken,
    conferenceSid,
    callSids: sids.map(({ sid }) => sid),
    mutedCallSids: sids.filter((p) => "muted" in p).map(({ sid }) => sid),
    heldCallSids: sids.filter((p) => "hold" in p).map(({ sid }) => sid),
    pageSize: PAGE_SIZE,
    missingCallSid: randomUUID(),
    timeoutMs: TIMEOUT_MS,
    notFoundCode: specFacts.notFoundCode,
    serviceUnavailableCode: specFacts.serviceUnavailableCode,
  };
}

/** A runtime's run of the suite: the conference it was given, and each check's result. */
interface Outcome {
  config: SmokeConfig;
  results: CheckResult[];
}

/** Runs the suite as a program of `runtime`'s: an entry that calls it and prints its results. */
async function runProgram(
  runtime: string,
  command: string,
  args: (entry: string) => string[],
  env = {},
): Promise<Outcome> {
  const config = seed();
  const entry = `run-${runtime}.mjs`;
  writeFileSync(
    join(folder, entry),
    `import { runSmokeSuite } from "./${SUITE}";\nconsole.log(JSON.stringify(await runSmokeSuite(${JSON.stringify(config)})));\n`,
  );
  const output = await runAsync(command, args(entry), folder, { timeoutMs: RUN_MS, env });
  return { config, results: JSON.parse(output) as CheckResult[] };
}

/** The errors Chromium's page logged, and every request it made for a host other than 127.0.0.1. */
const browserIncidents: string[] = [];

/**
 * Runs the suite in Chromium, in a page served from another origin than the sandbox's. Every
 * host but 127.0.0.1 goes through a proxy that refuses it: intercepting requests instead
 * (Playwright's `route`) would answer the CORS preflights itself, and the sandbox's would go untested.
 */
async function runInChromium(): Promise<Outcome> {
  const config = seed();
  const proxy = await startRefusingProxy();
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    // Playwright would send loopback through the proxy too unless a loopback host is bypassed.
    // The proxy also refuses Chromium's own background requests (update checks, Google
    // accounts), which the flags do not all stop: they are the browser's, not the page's.
    proxy: { server: proxy.origin, bypass: "127.0.0.1" },
  });
  try {
    const tab = await browser.newPage();
    tab.on("request", (request) => {
      if (new URL(request.url()).hostname !== "127.0.0.1") browserIncidents.push(`request to ${request.url()}`);
    });
    tab.on("pageerror", (error) => browserIncidents.push(`page error: ${error.message}`));
    tab.on("console", (message) => {
      // Chromium logs each answer outside 2xx, and the suite asks for 404s and a 503 on purpose.
      const answered = message.text().startsWith("Failed to load resource: the server responded with a status of");
      if (message.type() === "error" && !answered) browserIncidents.push(`console error: ${message.text()}`);
    });
    await tab.goto(`${page.origin}/`);
    // A string, not a function: vitest rewrites a function's import() for Node before Playwright sends it.
    const results = (await tab.evaluate(
      `import("/${SUITE}").then((suite) => suite.runSmokeSuite(${JSON.stringify(config)}))`,
    )) as CheckResult[];
    return { config, results };
  } finally {
    await browser.close();
    await proxy.close();
  }
}

/**
 * A runtime of the matrix: how to run the suite there, whether it is a browser, and whether it
 * sends a request again by itself when its reused connection drops unanswered.
 */
interface Runtime {
  name: string;
  browser?: true;
  resends: boolean;
  run: () => Promise<Outcome>;
}

const RUNTIMES: Runtime[] = [
  {
    name: "Node",
    resends: false,
    run: () => runProgram("node", process.execPath, (entry) => [entry]),
  },
  {
    name: "Bun",
    resends: true,
    // Bun would install a missing package by itself; the installed node_modules must do.
    run: () => runProgram("bun", ensureBun(), (entry) => ["--no-install", entry], { DO_NOT_TRACK: "1" }),
  },
  {
    name: "Deno",
    resends: true,
    // Deno reads the bare specifier `@laml/client` from the folder's package.json and node_modules,
    // as npm installed them: npm: specifiers would fetch from the registry instead of the tarballs.
    run: () =>
      runProgram(
        "deno",
        ensureDeno(),
        (entry) => ["run", "--no-prompt", "--node-modules-dir=manual", "--allow-net=127.0.0.1", entry],
        { DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(folder, ".deno") },
      ),
  },
  { name: "Chromium", browser: true, resends: true, run: runInChromium },
];

beforeAll(async () => {
  install(folder, packed);
  copyFileSync(new URL(`./runtime-matrix/${SUITE}`, import.meta.url), join(folder, SUITE));
  const require = createRequire(join(folder, "package.json"));
  const clientManifest = JSON.parse(readFileSync(require.resolve("@laml/client/package.json"), "utf8"));
  const clientEntry = join(folder, "node_modules", "@laml", "client", clientManifest.exports["."].import.default);
  // The page finds @laml/client through an import map, as a no-build web app would.
  const importMap = { imports: { "@laml/client": "/@laml/client.js" } };
  const javascript = "text/javascript; charset=utf-8";
  page = await startPageServer({
    "/": {
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><meta charset="utf-8"><title>laml smoke suite</title><link rel="icon" href="data:,"><script type="importmap">${JSON.stringify(importMap)}</script>`,
    },
    [`/${SUITE}`]: { contentType: javascript, body: readFileSync(join(folder, SUITE), "utf8") },
    "/@laml/client.js": { contentType: javascript, body: readFileSync(clientEntry, "utf8") },
  });
  // The sandbox as installed from its tarball, not the workspace's.
  const { startSandbox } = (await import(
    pathToFileURL(require.resolve("@laml/sandbox")).href
  )) as typeof import("@laml/sandbox");
  // Only the page's origin may call it from a browser, as a developer would configure it.
  sandbox = await startSandbox({ port: 0, corsOrigin: page.origin, onResponse: record });
  slowSandbox = await startSandbox({ port: 0, corsOrigin: page.origin, faults: { latencyMs: SLOW_LATENCY_MS } });
  flakySandbox = await startSandbox({ port: 0, corsOrigin: page.origin });
});

afterAll(async () => {
  await Promise.all([sandbox?.close(), slowSandbox?.close(), flakySandbox?.close(), page?.close()]);
});

describe.each(RUNTIMES)("the smoke suite on $name", ({ name, browser, resends, run }) => {
  let outcome: Outcome;
  /** The faults the flaky sandbox injected during this runtime's run, by kind. */
  let injected: Record<string, number>;
  // Installing Bun, Deno (from npm) or Chromium (with apt-get) on a fresh machine takes a while.
  beforeAll(async () => {
    const started = performance.now();
    const before: Record<string, number> = flakySandbox.faults.injected;
    outcome = await run();
    const after = flakySandbox.faults.injected;
    injected = Object.fromEntries(Object.entries(after).map(([kind, count]) => [kind, count - (before[kind] ?? 0)]));
    console.log(
      `${name}: installed (when missing) and ran the smoke suite in ${Math.round(performance.now() - started)} ms`,
    );
  }, 600_000);

  test("reports every check, in order", () => {
    expect(outcome.results.map((result) => result.name)).toEqual(CHECK_NAMES);
  });

  test.each(CHECK_NAMES)("%s", (check) => {
    const observed = resends ? RESEND_OUTCOMES.resent : RESEND_OUTCOMES.rejected;
    expect(outcome.results.find((result) => result.name === check)).toEqual({
      name: check,
      ok: true,
      ...(check === RESEND_CHECK && { observed }),
    });
  });

  test("left the sandbox's conference as the suite changed it", () => {
    const { projectId, conferenceSid, callSids, mutedCallSids } = outcome.config;
    const left = sandbox.participants(projectId, conferenceSid);
    expect(left.map((participant) => participant.call_sid)).toEqual(callSids.slice(0, -1));
    const updated = left.find((participant) => participant.call_sid === mutedCallSids[0]);
    expect([updated?.muted, updated?.hold]).toEqual([false, true]);
  });

  test("met the flaky sandbox's 503 and its dropped connection, once each", () => {
    expect(injected).toEqual({ 429: 0, 503: 1, drop: 1 });
  });

  // Every runtime sends exactly the requests the suite's checks make, in order; a browser adds
  // CORS preflights (OPTIONS, for the Authorization header) among them, which no other runtime sends.
  test(browser ? "sent the suite's requests, and CORS preflights" : "sent the suite's requests, and no more", () => {
    const answered = answeredByAccount.get(outcome.config.projectId) ?? [];
    const preflights = answered.filter((line) => line.startsWith("OPTIONS"));
    expect(answered.filter((line) => !line.startsWith("OPTIONS"))).toEqual(
      expectedRequests(outcome.config).map(expectedLine),
    );
    if (browser) expect(preflights.length).toBeGreaterThan(0);
    else expect(preflights).toEqual([]);
  });

  if (browser) {
    test("reached no host but 127.0.0.1, and the page logged no error", () => {
      expect(browserIncidents).toEqual([]);
    });
  }
});
