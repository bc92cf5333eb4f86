import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { DEMO } from "@laml/sandbox";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { install } from "./support/pack-and-install.js";

// Someone who only wants the server: the sandbox's tarball installed into an empty folder with
// `npm install --engine-strict` on the Node running this test, then its CLI started with npx.
// @laml/types, its one dependency, is installed from its tarball too until it is published.
const { consumer, packed } = inject("packaging");
const folder = join(consumer, "..", "standalone-sandbox");
let cli: ChildProcess | undefined;

beforeAll(() => {
  install(
    folder,
    packed.filter((pkg) => pkg.name === "@laml/sandbox" || pkg.name === "@laml/types"),
  );
});
afterAll(() => {
  if (cli?.pid === undefined || cli.exitCode !== null) return;
  try {
    process.kill(-cli.pid, "SIGKILL");
  } catch (error) {
    // The group can be gone already while npx's own exit is still to be reported.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
});

describe("the installed @laml/sandbox, alone", () => {
  test("npx laml-sandbox --demo serves the demo conference, with a banner for where it runs", async () => {
    cli = spawn("npx", ["--no-install", "laml-sandbox", "--demo", "--port", "0"], {
      cwd: folder,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so that a Ctrl-C can reach npx and the sandbox both, as in a terminal.
      detached: true,
    });
    let output = "";
    cli.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    cli.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    // The sandbox shares npx's output pipe: it closes when both are gone.
    const closed = once(cli.stdout as NodeJS.ReadableStream, "close");
    const deadline = Date.now() + 30_000;
    while (!/Ctrl-C stops/.test(output)) {
      if (cli.exitCode !== null || Date.now() > deadline) {
        throw new Error(`laml-sandbox did not start (exit ${cli.exitCode}):\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = /listening on (\S+)/.exec(output)?.[1] ?? "";
    // The prefixes the banner says the API is under: the spec's first, then its aliases.
    const [, api = "", aliases = ""] = /API\s+(\S+) \(also under ([^)]+)\)/.exec(output) ?? [];
    expect(api.startsWith(url)).toBe(true);
    const main = api.slice(url.length);
    const others = aliases.split(", ").filter(Boolean);
    expect(others.length).toBeGreaterThan(0);
    // The curl line the banner gives, as its user would paste it once the variables are set: its
    // path and suffix are the sandbox's, not written out here; its page size must give a first
    // page of the demo conference, smaller than the whole conference the banner announces.
    const curlUrl = /curl -u \S+ \\\n\s+"([^"]+)"/.exec(output)?.[1] ?? "";
    expect(curlUrl).toContain(`$SIGNALWIRE_SPACE_URL${main}/`);
    const listing = curlUrl.replace("$SIGNALWIRE_SPACE_URL", url).replace("$SIGNALWIRE_PROJECT_ID", DEMO.projectId);
    const pageSize = Number(new URL(listing).searchParams.get("PageSize"));
    const total = Number(/\((\d+) participants\)/.exec(output)?.[1]);
    expect(Number.isInteger(pageSize) && pageSize > 0, `PageSize in ${curlUrl}`).toBe(true);
    expect(pageSize).toBeLessThan(total);
    const auth = Buffer.from(`${DEMO.projectId}:${DEMO.apiToken}`).toString("base64");
    for (const prefix of [main, ...others]) {
      const under = listing.replace(`${url}${main}/`, `${url}${prefix}/`);
      const response = await fetch(under, { headers: { authorization: `Basic ${auth}` } });
      expect(response.status, under).toBe(200);
      const page = (await response.json()) as { participants: { conference_sid: string }[] };
      expect(
        page.participants.map((p) => p.conference_sid),
        under,
      ).toEqual(Array(pageSize).fill(DEMO.conferenceSid));
    }
    // No repository here, and no docs server.
    expect(output).not.toContain("apps/example");
    expect(output).not.toContain("Docs ");
    process.kill(-(cli.pid as number), "SIGINT");
    await closed;
    expect(output).toContain("Sandbox stopped.");
  });
});
