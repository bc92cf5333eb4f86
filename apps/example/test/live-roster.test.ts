import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { startSandbox } from "@laml/sandbox";
import { freeLoopbackPort } from "@laml/test-runtimes/free-loopback-port";
import { afterAll, afterEach, describe, expect, test } from "vitest";

const liveRoster = new URL("../dist/live-roster.js", import.meta.url).pathname;
const sb = await startSandbox({ port: 0 });
afterAll(() => sb.close());
const { projectId, apiToken, signingKey } = sb.addAccount();

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

/** Starts the built program as a user would, with only the environment a real space would need. */
function start(conferenceSid: string, port: number) {
  const child = spawn(process.execPath, [liveRoster, conferenceSid], {
    env: {
      SIGNALWIRE_SPACE_URL: sb.url,
      SIGNALWIRE_PROJECT_ID: projectId,
      SIGNALWIRE_API_TOKEN: apiToken,
      SIGNALWIRE_SIGNING_KEY: signingKey,
      PORT: String(port),
      // Only Enter reconciles, so the test decides when the picture is corrected.
      RECONCILE_EVERY_MS: "0",
    },
  });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  /** Waits until a printed line matches, and returns every line printed so far. */
  async function until(pattern: RegExp): Promise<string[]> {
    for (let waited = 0; waited < 20_000; waited += 20) {
      const lines = stdout.split("\n");
      if (lines.some((line) => pattern.test(line))) return lines.filter(Boolean);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The program never printed ${pattern}; stdout:\n${stdout}\nstderr:\n${stderr}`);
  }
  return { child, until, stderr: () => stderr };
}

/** Folds the printed lines into the roster they describe: call SID to its flags. */
function rosterOf(lines: string[]): Record<string, string> {
  const roster: Record<string, string> = {};
  for (const line of lines) {
    const [kind, sid, ...rest] = line.split(/ +/);
    if (!sid) continue;
    if (kind === "present" || kind === "joined" || kind === "changed") roster[sid] = rest.slice(0, 2).join(" ");
    if (kind === "left") delete roster[sid];
  }
  return roster;
}

describe("the live-roster program", () => {
  test("ends equal to the sandbox's participants after one reconcile, with 20% of callbacks dropped and 20% repeated", async () => {
    // A port nobody listens on yet, so the conference can be subscribed before the program starts.
    const port = await freeLoopbackPort();
    const conferenceSid = sb.addConference(projectId, {
      statusCallback: `http://127.0.0.1:${port}/conference-events`,
      statusCallbackEvent: "start end join leave mute hold",
    });
    const early = [0, 1, 2, 3, 4].map((i) => sb.addParticipant(projectId, conferenceSid, { muted: i % 2 === 0 }));
    await sb.callbacks.idle(); // these found nobody listening: the first listing has them
    sb.callbacks.faults.set({ share: { drop: 0.2, duplicate: 0.2 }, seed: 12 });
    const program = start(conferenceSid, port);
    await program.until(/^Following /);

    const joined = Array.from({ length: 20 }, () => sb.addParticipant(projectId, conferenceSid));
    const everyone = [...early, ...joined];
    everyone.forEach((sid, i) => {
      if (i % 3 === 0) sb.updateParticipant(projectId, conferenceSid, sid, { muted: true });
      if (i % 4 === 1) sb.updateParticipant(projectId, conferenceSid, sid, { hold: true });
      if (i % 5 === 2) sb.updateParticipant(projectId, conferenceSid, sid, { muted: false, hold: false });
    });
    for (const sid of everyone.filter((_, i) => i % 6 === 5)) sb.removeParticipant(projectId, conferenceSid, sid);
    sb.updateParticipant(projectId, conferenceSid, everyone[0] as string, { hold: true });
    // The program answers a callback once the roster shows it, so idle means every one was applied.
    await sb.callbacks.idle();
    expect(sb.callbacks.faults.injected.drop).toBeGreaterThan(0);
    expect(sb.callbacks.faults.injected.duplicate).toBeGreaterThan(0);

    const fromCallbacks = await program.until(/^Following /);
    program.child.stdin.write("\n");
    const lines = await program.until(/^Reconciled: /);

    const truth = sb.participants(projectId, conferenceSid);
    const expected = Object.fromEntries(truth.map((p) => [p.call_sid, `muted=${p.muted} hold=${p.hold}`]));
    // The callbacks alone got it wrong (some were lost); the reconcile corrected it.
    expect(rosterOf(fromCallbacks)).not.toEqual(expected);
    expect(lines.some((line) => line.endsWith("(reconcile)") || line.includes("(reconcile;"))).toBe(true);
    expect(rosterOf(lines)).toEqual(expected);
    const muted = truth.filter((p) => p.muted).length;
    const held = truth.filter((p) => p.hold).length;
    expect(lines.at(-1)).toBe(`Reconciled: ${truth.length} participants, ${muted} muted, ${held} on hold`);
    expect(program.stderr()).toBe("");
  });

  test("refuses a callback that SignalWire did not sign, without printing the key", async () => {
    const port = await freeLoopbackPort();
    const conferenceSid = sb.addConference(projectId);
    const program = start(conferenceSid, port);
    await program.until(/^Following /);
    const response = await fetch(`http://127.0.0.1:${port}/conference-events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-signalwire-signature": "bm90LWl0" },
      body: new URLSearchParams({ ConferenceSid: conferenceSid, StatusCallbackEvent: "participant-join" }),
    });
    expect(response.status).toBe(403);
    await expect.poll(program.stderr).toMatch(/^Refused a callback: /);
    expect(program.stderr()).not.toContain(signingKey);
  });

  test("asks for the signing key when none is set", async () => {
    const child = spawn(process.execPath, [liveRoster, sb.addConference(projectId)], { env: {} });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("Set SIGNALWIRE_SIGNING_KEY");
  });
});
