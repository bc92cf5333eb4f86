import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startSandbox } from "@laml/sandbox";
import { afterAll, describe, expect, test } from "vitest";

const main = new URL("../dist/main.js", import.meta.url).pathname;
const sb = await startSandbox({ port: 0 });
afterAll(() => sb.close());
const { projectId, apiToken } = sb.addAccount();

/** Runs the built program as a user would, with the environment a real space would need. */
async function run(args: string[], env: Record<string, string>) {
  const result = await promisify(execFile)(process.execPath, [main, ...args], {
    // Only what the program needs: nothing of the test runner's environment leaks in.
    env: { SIGNALWIRE_SPACE_URL: sb.url, SIGNALWIRE_PROJECT_ID: projectId, SIGNALWIRE_API_TOKEN: apiToken, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failure: { code: number; stdout: string; stderr: string }) => failure,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe("the example program", () => {
  test("lists the conference, mutes the unmuted, removes the latest to join and says so", async () => {
    const conferenceSid = sb.addConference(projectId);
    const joined = [true, false, false, true, false].map((muted) =>
      sb.addParticipant(projectId, conferenceSid, { muted, hold: !muted }),
    );
    const { code, stdout } = await run([], { CONFERENCE_SID: conferenceSid });
    expect(code).toBe(0);
    const unmuted = [joined[1], joined[2], joined[4]];
    expect(stdout.trim().split("\n")).toEqual([
      `Conference ${conferenceSid}: 5 participants, 2 muted, 3 on hold`,
      ...unmuted.map((sid) => `muted   ${sid}`),
      `removed ${joined[4]}`,
      "Done: muted 3, removed 1; 4 remain, all muted.",
    ]);
    const after = sb.participants(projectId, conferenceSid);
    expect(after.map((p) => p.call_sid)).toEqual(joined.slice(0, 4));
    expect(after.every((p) => p.muted)).toBe(true);
  });

  test("takes the conference and the participant to remove as arguments", async () => {
    const conferenceSid = sb.addConference(projectId);
    const [first, second] = [sb.addParticipant(projectId, conferenceSid), sb.addParticipant(projectId, conferenceSid)];
    const { code, stdout } = await run([conferenceSid, first as string], {});
    expect(code).toBe(0);
    expect(stdout).toContain(`removed ${first}`);
    expect(sb.participants(projectId, conferenceSid)).toMatchObject([{ call_sid: second, muted: true }]);
  });

  test("reports the API's refusal, without the token, and exits 1", async () => {
    const conferenceSid = sb.addConference(projectId);
    sb.addParticipant(projectId, conferenceSid);
    const { code, stderr } = await run([conferenceSid], { SIGNALWIRE_API_TOKEN: "not-the-token" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^The API refused: HTTP 401, code 20003/);
    expect(stderr).not.toContain("not-the-token");
    expect(sb.participants(projectId, conferenceSid)[0]?.muted).toBe(false);
  });

  test("asks for the conference when none is given", async () => {
    const { code, stderr } = await run([], {});
    expect(code).toBe(2);
    expect(stderr).toContain("Pass its SID or set CONFERENCE_SID");
  });
});
