import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { freeLoopbackPort } from "@laml/test-runtimes/free-loopback-port";
import { describe, expect, test } from "vitest";

const root = new URL("../../..", import.meta.url).pathname;

/** Starts `tools/start/start.mjs` in a process group of its own, as a terminal would, on free ports. */
async function start() {
  const child = spawn(process.execPath, ["tools/start/start.mjs", "--port", "0", "--quiet"], {
    cwd: root,
    // The sandbox's banner needs the docs' port before they listen.
    env: { ...process.env, DOCS_PORT: String(await freeLoopbackPort()) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const deadline = Date.now() + 20_000;
  while (!(/Ctrl-C stops/.test(output) && /docs: http/.test(output))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`servers did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const sandboxUrl = /listening on (\S+)/.exec(output)?.[1] as string;
  const docsUrl = /docs: (\S+)/.exec(output)?.[1] as string;
  return { child, exited, output: () => output, sandboxUrl, docsUrl };
}

describe("pnpm start", () => {
  test("runs the servers through tools/start/start.mjs after the build, not as persistent turbo tasks", async () => {
    const { scripts } = JSON.parse(await readFile(`${root}/package.json`, "utf8"));
    expect(scripts.start).toBe("turbo run build && exec node tools/start/start.mjs");
  });

  test("serves the sandbox and the docs, and Ctrl-C stops both with status 0", async () => {
    const servers = await start();
    expect((await fetch(`${servers.docsUrl}`)).status).toBe(200);
    const [, projectId, apiToken, conferenceSid] =
      /Project ID\s+(\S+)[\s\S]*API token\s+(\S+)[\s\S]*Conference\s+(\S+)/.exec(servers.output()) ?? [];
    const list = await fetch(
      `${servers.sandboxUrl}/api/laml/2010-04-01/Accounts/${projectId}/Conferences/${conferenceSid}/Participants.json`,
      { headers: { authorization: `Basic ${btoa(`${projectId}:${apiToken}`)}` } },
    );
    expect((await list.json()).participants.length).toBeGreaterThan(0);
    // Ctrl-C signals the terminal's whole foreground process group.
    process.kill(-(servers.child.pid as number), "SIGINT");
    expect(await servers.exited).toEqual([0, null]);
    expect(servers.output()).toContain("Sandbox stopped.");
    expect(servers.output()).not.toMatch(/failed|ELIFECYCLE/i);
    await expect(fetch(servers.docsUrl)).rejects.toThrow();
    await expect(fetch(servers.sandboxUrl)).rejects.toThrow();
  });

  test("a server that cannot start stops the other and fails with its status", async () => {
    const first = await start();
    const port = new URL(first.docsUrl).port;
    const child = spawn(process.execPath, ["tools/start/start.mjs", "--port", "0", "--quiet"], {
      cwd: root,
      env: { ...process.env, DOCS_PORT: port },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(output).toContain(`port ${port} on 127.0.0.1 is in use`);
    expect(output).toContain("start: the docs exited with status 1; stopping the other server.");
    process.kill(-(first.child.pid as number), "SIGINT");
    expect(await first.exited).toEqual([0, null]);
  });
});
