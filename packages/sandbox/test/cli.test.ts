import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DEMO } from "../src/cli/demo.js";
import { parseCliArgs } from "../src/cli/parse-cli-args.js";

const bin = new URL("../bin/laml-sandbox.js", import.meta.url).pathname;

/** Runs the built CLI; resolves once it prints its URL (or exits). */
async function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = once(child, "exit") as Promise<[number | null]>;
  await Promise.race([
    exited,
    new Promise<void>((resolve) => {
      const check = () => (/Ctrl-C stops/.test(output) ? resolve() : setTimeout(check, 20));
      check();
    }),
  ]);
  return { child, exited, output: () => output, url: () => /listening on (\S+)/.exec(output)?.[1] as string };
}

const stop = async (child: ChildProcess, exited: Promise<[number | null]>) => {
  child.kill("SIGINT");
  const [code] = await exited;
  return code;
};

describe("laml-sandbox", () => {
  test("starts with the demo account, prints the URL, credentials and a snippet, and stops cleanly on Ctrl-C", async () => {
    const cli = await run(["--port", "0", "--quiet"]);
    expect(cli.output()).toContain(DEMO.projectId);
    expect(cli.output()).toContain(`export SIGNALWIRE_API_TOKEN=${DEMO.apiToken}`);
    expect(cli.output()).toContain('import { createLamlClient } from "@laml/client"');
    // A standalone install has no apps/example and no docs server.
    expect(cli.output()).not.toContain("apps/example");
    expect(cli.output()).not.toContain("Docs ");
    const auth = Buffer.from(`${DEMO.projectId}:${DEMO.apiToken}`).toString("base64");
    const response = await fetch(
      `${cli.url()}/api/laml/2010-04-01/Accounts/${DEMO.projectId}/Conferences/${DEMO.conferenceSid}/Participants.json`,
      {
        headers: { authorization: `Basic ${auth}` },
      },
    );
    expect((await response.json()).participants.length).toBeGreaterThan(20);
    expect(await stop(cli.child, cli.exited)).toBe(0);
    expect(cli.output()).toContain("Sandbox stopped.");
  });

  test("serves a seed file's accounts instead, printing their Project IDs but not their tokens", async () => {
    const dir = await mkdtemp(join(tmpdir(), "laml-sandbox-"));
    const projectId = crypto.randomUUID();
    const seed = join(dir, "seed.json");
    await writeFile(
      seed,
      JSON.stringify({
        accounts: [{ projectId, apiToken: "seed-secret", conferences: [{ participants: [{ muted: true }] }] }],
      }),
    );
    const cli = await run(["--port", "0", "--seed", seed]);
    expect(cli.output()).toContain(`Seeded account ${projectId}`);
    expect(cli.output()).not.toContain("seed-secret");
    expect(cli.output()).not.toContain(DEMO.projectId);
    await fetch(`${cli.url()}/nowhere`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cli.output()).toMatch(/GET \/nowhere 404/);
    expect(await stop(cli.child, cli.exited)).toBe(0);
  });

  test("explains bad arguments, bad seed files and a busy port", async () => {
    const badPort = await run(["--port", "http"]);
    expect((await badPort.exited)[0]).toBe(2);
    expect(badPort.output()).toContain("--port must be an integer from 0 to 65535, got http");
    const badSeed = await run(["--port", "0", "--seed", "/nonexistent/seed.json"]);
    expect((await badSeed.exited)[0]).toBe(1);
    expect(badSeed.output()).toContain("cannot read the seed file /nonexistent/seed.json");
    const first = await run(["--port", "0", "--quiet"]);
    const port = new URL(first.url()).port;
    const second = await run(["--port", port]);
    expect((await second.exited)[0]).toBe(1);
    expect(second.output()).toContain(`port ${port} on 127.0.0.1 is in use`);
    await stop(first.child, first.exited);
  });
});

describe("command-line parsing", () => {
  test("takes the port from --port, else PORT, else 4010, and names the docs only when given --docs-url", () => {
    expect(parseCliArgs([], {})).toMatchObject({ port: 4010, host: "127.0.0.1", demo: true, docsUrl: undefined });
    expect(parseCliArgs(["--docs-url", "http://127.0.0.1:5001"], { PORT: "5000" })).toMatchObject({
      port: 5000,
      docsUrl: "http://127.0.0.1:5001",
    });
    expect(parseCliArgs(["--port", "6000"], { PORT: "5000" }).port).toBe(6000);
  });

  test("serves the demo unless a seed file is given, or both with --demo", () => {
    expect(parseCliArgs(["--seed", "s.json"], {}).demo).toBe(false);
    expect(parseCliArgs(["--seed", "s.json", "--demo"], {}).demo).toBe(true);
  });

  test("turns fault flags into fault settings, checking their ranges", () => {
    expect(
      parseCliArgs(["--fault-429", "0.1", "--fault-drop", "0.05", "--latency", "20", "--retry-after", "2"], {}).faults,
    ).toEqual({
      share: { 429: 0.1, drop: 0.05 },
      latencyMs: 20,
      retryAfterSeconds: 2,
    });
    expect(() => parseCliArgs(["--fault-503", "1.5"], {})).toThrow("--fault-503 must be a number from 0 to 1, got 1.5");
    expect(() => parseCliArgs(["--nope"], {})).toThrow("Unknown option '--nope'");
  });

  test("takes one CORS origin, exactly as browsers send it", () => {
    expect(parseCliArgs([], {}).corsOrigin).toBeUndefined();
    expect(parseCliArgs(["--cors-origin", "http://localhost:5173"], {}).corsOrigin).toBe("http://localhost:5173");
    for (const bad of ["http://localhost:5173/", "localhost:5173", "*"]) {
      expect(() => parseCliArgs(["--cors-origin", bad], {}), bad).toThrow(
        `--cors-origin must be an origin such as http://localhost:5173 (no path, no trailing /), got ${bad}`,
      );
    }
  });
});

describe("laml-sandbox callbacks", () => {
  test("prints the demo Signing Key, sends the demo conference's callbacks with --status-callback and moves it with --live", async () => {
    const { callbackReceiver } = await import("./callback-receiver.js");
    const target = await callbackReceiver();
    const cli = await run([
      "--port",
      "0",
      "--live-seed",
      "9",
      "--status-callback",
      `${target.origin}/cli`,
      "--callback-duplicate",
      "0.5",
      "--callback-seed",
      "2",
    ]);
    expect(cli.output()).toContain(`Signing key ${DEMO.signingKey}`);
    expect(cli.output()).toContain(`Status callbacks of the demo conference go to ${target.origin}/cli`);
    expect(cli.output()).toContain("Live: the demo conference moves on its own (seed 9");
    expect(cli.output()).toContain("callback faults ON");
    const deadline = Date.now() + 15_000;
    while (!/live: /.test(cli.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 200));
    expect(cli.output()).toMatch(/live: \w{8} (joined|left|muted|unmuted|put on hold|taken off hold)/);
    expect(cli.output()).toMatch(/callback participant-\w+ POST http:\/\/127\.0\.0\.1:\d+\/cli 204/);
    expect(target.received.length).toBeGreaterThan(0);
    expect(await stop(cli.child, cli.exited)).toBe(0);
  }, 30_000);

  test("refuses a callback URL off this machine unless --allow-callback-host names its host", async () => {
    const refused = await run(["--port", "0", "--status-callback", "https://hooks.example.test/x"]);
    const [code] = await refused.exited;
    expect(code).toBe(1);
    expect(refused.output()).toContain("--allow-callback-host hooks.example.test");
    const allowed = await run([
      "--port",
      "0",
      "--quiet",
      "--status-callback",
      "https://hooks.example.test/x",
      "--allow-callback-host",
      "hooks.example.test",
    ]);
    expect(allowed.output()).toContain("Status callbacks of the demo conference go to https://hooks.example.test/x");
    expect(await stop(allowed.child, allowed.exited)).toBe(0);
  }, 30_000);

  test("reads the callback flags", () => {
    const options = parseCliArgs(
      [
        "--status-callback",
        "http://127.0.0.1:1/",
        "--status-callback-event",
        "join leave",
        "--callback-drop",
        "0.2",
        "--callback-delay",
        "50",
      ],
      {},
    );
    expect(options.subscription).toEqual({ statusCallback: "http://127.0.0.1:1/", statusCallbackEvent: "join leave" });
    expect(options.callbackFaults).toEqual({ share: { drop: 0.2 }, delayMs: 50 });
    expect(options.demo).toBe(true);
    expect(options.liveSeed).toBeUndefined();
    expect(parseCliArgs(["--live"], {}).liveSeed).toBe(1);
    expect(() => parseCliArgs(["--status-callback-event", "join"], {})).toThrow(/need --status-callback/);
    expect(() => parseCliArgs(["--callback-duplicate", "2"], {})).toThrow(
      /--callback-duplicate must be a number from 0 to 1/,
    );
  });
});
