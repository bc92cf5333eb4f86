import { inspect } from "node:util";
import { parseConferenceEvent, verifyLamlSignature } from "@laml/client/webhooks";
import { bundle, webhooks } from "@laml/spec";
import { afterAll, describe, expect, test } from "vitest";
import { CALLBACK_EVENT_WORDS } from "../src/callbacks/callback-events.js";
import { CALLBACK_METHODS } from "../src/callbacks/parse-subscription.js";
import { type Sandbox, startSandbox } from "../src/start-sandbox.js";
import { callbackProblems, callbackReceiver, type Received } from "./callback-receiver.js";
import { PREFIX } from "./harness.js";

const ALL = Object.keys(CALLBACK_EVENT_WORDS).join(" ");

async function sandbox(options: Parameters<typeof startSandbox>[0] = {}) {
  const lines: string[] = [];
  const sb = await startSandbox({ log: (line) => lines.push(line), ...options });
  afterAll(() => sb.close());
  const account = sb.addAccount();
  const rest = (method: string, conferenceSid: string, callSid: string, form?: Record<string, string>) =>
    fetch(
      `${sb.url}${PREFIX}/Accounts/${account.projectId}/Conferences/${conferenceSid}/Participants/${callSid}.json`,
      {
        method,
        headers: {
          authorization: `Basic ${Buffer.from(`${account.projectId}:${account.apiToken}`).toString("base64")}`,
          ...(form && { "content-type": "application/x-www-form-urlencoded" }),
        },
        ...(form && { body: new URLSearchParams(form).toString() }),
      },
    );
  return { sb, account, rest, lines };
}

/** Checks a received callback with the client's verifier and parser and against the spec's schema. */
async function check(signingKey: string, received: Received) {
  const signature = received.headers["x-signalwire-signature"] as string;
  const params = received.method === "GET" ? {} : received.form;
  expect(await verifyLamlSignature(signingKey, signature, received.url, params), received.url).toBe(true);
  expect(await verifyLamlSignature(`${signingKey}x`, signature, received.url, params)).toBe(false);
  expect(callbackProblems(received.form)).toBeUndefined();
  const request = new Request(received.url, {
    method: received.method,
    headers: { "x-signalwire-signature": signature, "content-type": "application/x-www-form-urlencoded" },
    ...(received.method === "POST" && { body: received.body }),
  });
  return parseConferenceEvent(request, { signingKey });
}

const events = (received: Received[]) => received.map((r) => r.form.get("StatusCallbackEvent"));

describe("status callbacks", async () => {
  const target = await callbackReceiver({ delayMs: { "/slow": 200 }, hang: ["/hang"] });
  // Long enough for a loaded machine to answer, short enough for the hanging target's test.
  const { sb, account, rest, lines } = await sandbox({ callbackTimeoutMs: 2_000 });

  test("every account has a Signing Key of SignalWire's PSK_ shape; a given one is kept", () => {
    expect(account.signingKey).toMatch(/^PSK_[0-9a-f]{48}$/);
    expect(sb.addAccount({ signingKey: "PSK_mine" }).signingKey).toBe("PSK_mine");
    expect(() => sb.addAccount({ signingKey: "" })).toThrow(/signingKey must be a non-empty string/);
  });

  test("sends signed, valid callbacks for joins, the start, mutes, holds and leaves, in order", async () => {
    const conference = sb.addConference(account.projectId, {
      friendlyName: "Room 1234",
      statusCallback: `${target.origin}/all`,
      statusCallbackEvent: ALL,
    });
    const host = sb.addParticipant(account.projectId, conference, { start_conference_on_enter: true });
    const guest = sb.addParticipant(account.projectId, conference, { start_conference_on_enter: false });
    expect((await rest("POST", conference, guest, { Muted: "true" })).status).toBe(200);
    sb.updateParticipant(account.projectId, conference, guest, { muted: false, hold: true });
    expect((await rest("POST", conference, guest, { Hold: "false", Muted: "false" })).status).toBe(200);
    // An update that changes neither flag sends nothing.
    sb.updateParticipant(account.projectId, conference, host, { muted: false });
    expect((await rest("DELETE", conference, guest)).status).toBe(204);
    sb.addParticipant(account.projectId, conference);
    await sb.callbacks.idle();
    const received = target.at("/all");
    expect(events(received)).toEqual([
      "participant-join",
      "conference-start",
      "participant-join",
      "participant-mute",
      "participant-unmute",
      "participant-hold",
      "participant-unhold",
      "participant-leave",
      "participant-join",
    ]);
    for (const r of received) {
      expect(r.method).toBe("POST");
      expect(r.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      const event = await check(account.signingKey, r);
      expect(event).toMatchObject({
        AccountSid: account.projectId,
        ConferenceSid: conference,
        FriendlyName: "Room 1234",
      });
      expect(new Date(event.Timestamp).toUTCString().slice(0, 25)).toBe(event.Timestamp.slice(0, 25));
    }
    const [first, , , mute, , hold, , leave] = await Promise.all(received.map((r) => check(account.signingKey, r)));
    expect(first).toMatchObject({ CallSid: host, Muted: false, Hold: false, StartConferenceOnEnter: true });
    expect(mute).toMatchObject({ CallSid: guest, Muted: true, CallStatus: "in-progress" });
    expect(hold).toMatchObject({ CallSid: guest, Muted: false, Hold: true });
    expect(leave).toMatchObject({ CallSid: guest, CallStatus: "completed" });
    expect(sb.callbacks.deliveries.filter((d) => d.conferenceSid === conference).map((d) => d.status)).toEqual(
      received.map(() => 204),
    );
  });

  test("a participant with end_conference_on_exit leaving ends the conference: everyone leaves, then conference-end", async () => {
    const start = Date.now();
    const conference = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/end`,
      statusCallbackEvent: "end leave",
    });
    const host = sb.addParticipant(account.projectId, conference, { end_conference_on_exit: true });
    const others = [sb.addParticipant(account.projectId, conference), sb.addParticipant(account.projectId, conference)];
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await rest("DELETE", conference, host)).status).toBe(204);
    await sb.callbacks.idle();
    const received = target.at("/end");
    expect(events(received)).toEqual(["participant-leave", "participant-leave", "participant-leave", "conference-end"]);
    expect(received.slice(0, 3).map((r) => r.form.get("CallSid"))).toEqual([host, ...others]);
    const end = await check(account.signingKey, received[3] as Received);
    expect(end.Duration).toBeGreaterThanOrEqual(1);
    expect(end.Duration).toBeLessThanOrEqual(Math.ceil((Date.now() - start) / 1000));
    expect(sb.participants(account.projectId, conference)).toEqual([]);
    // The conference is completed: it takes no more changes, and sends nothing more.
    expect((await rest("DELETE", conference, others[0] as string)).status).toBe(404);
    sb.addParticipant(account.projectId, conference);
    expect(() => sb.updateParticipant(account.projectId, conference, host, { muted: true })).toThrow(/has completed/);
    await sb.callbacks.idle();
    expect(target.at("/end")).toHaveLength(4);
  });

  test("sends only the events subscribed to, by the cXML words", async () => {
    const conference = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/some`,
      statusCallbackEvent: "  leave   hold ",
    });
    const callSid = sb.addParticipant(account.projectId, conference);
    sb.updateParticipant(account.projectId, conference, callSid, { muted: true, hold: true });
    sb.removeParticipant(account.projectId, conference, callSid);
    await sb.callbacks.idle();
    expect(events(target.at("/some"))).toEqual(["participant-hold", "participant-leave"]);
  });

  test("with statusCallbackMethod GET, the fields come in the signed query string", async () => {
    const conference = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/get?tenant=a%20b`,
      statusCallbackEvent: "join",
      statusCallbackMethod: "GET",
    });
    const callSid = sb.addParticipant(account.projectId, conference);
    await sb.callbacks.idle();
    const [received] = target.at("/get");
    expect(received?.method).toBe("GET");
    expect(received?.form.get("tenant")).toBe("a b");
    expect(await check(account.signingKey, received as Received)).toMatchObject({ CallSid: callSid });
  });

  test("a slow target delays only its own conference's later callbacks", async () => {
    const slow = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/slow`,
      statusCallbackEvent: "join",
    });
    const fast = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/fast`,
      statusCallbackEvent: "join",
    });
    const slowCalls = [sb.addParticipant(account.projectId, slow), sb.addParticipant(account.projectId, slow)];
    const fastCall = sb.addParticipant(account.projectId, fast);
    await sb.callbacks.idle();
    const [firstSlow, secondSlow] = target.at("/slow");
    const [onlyFast] = target.at("/fast");
    expect([firstSlow?.form.get("CallSid"), secondSlow?.form.get("CallSid")]).toEqual(slowCalls);
    expect(onlyFast?.form.get("CallSid")).toBe(fastCall);
    // The second slow callback waited for the first's answer; the fast one did not wait for either.
    expect((secondSlow?.at ?? 0) - (firstSlow?.at ?? 0)).toBeGreaterThanOrEqual(150);
    expect(onlyFast?.at ?? Number.POSITIVE_INFINITY).toBeLessThan(secondSlow?.at ?? 0);
  });

  test("gives up on a target that does not answer in time, records why, and does not retry", async () => {
    const conference = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/hang`,
      statusCallbackEvent: "join",
    });
    sb.addParticipant(account.projectId, conference);
    await sb.callbacks.idle();
    const delivery = sb.callbacks.deliveries.find((d) => d.conferenceSid === conference);
    expect(delivery).toMatchObject({ event: "participant-join", status: undefined, url: `${target.origin}/hang` });
    expect(delivery?.error).toMatch(/no answer within 2000 ms/);
    expect(target.at("/hang")).toHaveLength(1);
  });

  test("records a target that refuses the connection", async () => {
    const closed = await startSandbox();
    const origin = closed.url;
    await closed.close();
    const conference = sb.addConference(account.projectId, {
      statusCallback: `${origin}/gone`,
      statusCallbackEvent: "join",
    });
    sb.addParticipant(account.projectId, conference);
    await sb.callbacks.idle();
    expect(sb.callbacks.deliveries.find((d) => d.conferenceSid === conference)?.error).toBe("ECONNREFUSED");
  });

  test("never shows a Signing Key in a log line, an error, the sandbox object or its deliveries", async () => {
    const key = "PSK_never-to-be-shown";
    const { projectId } = sb.addAccount({ signingKey: key });
    const conference = sb.addConference(projectId, {
      statusCallback: `${target.origin}/quiet`,
      statusCallbackEvent: "join",
    });
    sb.addParticipant(projectId, conference);
    await sb.callbacks.idle();
    const errors: string[] = [];
    for (const attempt of [
      () => sb.addConference(projectId, { statusCallback: "http://example.com/", statusCallbackEvent: "join" }),
      () => sb.addConference(projectId, { statusCallback: `${target.origin}/`, statusCallbackEvent: "shout" }),
      () => sb.addAccount({ projectId, signingKey: key }),
    ]) {
      try {
        attempt();
      } catch (error) {
        errors.push(String(error));
      }
    }
    expect(errors).toHaveLength(3);
    expect(lines.some((line) => line.startsWith("callback participant-join POST"))).toBe(true);
    const everything = [
      lines,
      errors,
      inspect(sb, { depth: 10, showHidden: true }),
      JSON.stringify(sb.callbacks.deliveries),
    ];
    expect(JSON.stringify(everything)).not.toContain("never-to-be-shown");
  });
});

describe("a callback subscription", async () => {
  const { sb, account } = await sandbox({ allowCallbackHosts: ["hooks.example.test"] });
  const subscribe = (statusCallback: string, extra: object = {}) =>
    sb.addConference(account.projectId, { statusCallback, statusCallbackEvent: "join", ...extra });

  test("goes to this machine only, unless the host is allowed, and says why and how to allow one", () => {
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://127.9.8.7/",
      "http://[::1]:8080/",
      "http://localhost/",
      "https://LOCALHOST/",
    ]) {
      expect(() => subscribe(url), url).not.toThrow();
    }
    expect(() => subscribe("https://hooks.example.test/in")).not.toThrow();
    for (const url of [
      "http://10.0.0.1/",
      "http://192.168.1.1/",
      "https://example.com/",
      "http://[::2]/",
      "http://localhost.evil.test/",
    ]) {
      expect(() => subscribe(url), url).toThrow(/cannot be made to post to arbitrary hosts/);
    }
    expect(() => subscribe("https://example.com/")).toThrow(
      'To allow example.com, start the sandbox with allowCallbackHosts: ["example.com"] (CLI: --allow-callback-host example.com)',
    );
  });

  test("comes from a seed file too, signed with the seed's Signing Key", async () => {
    const target = await callbackReceiver();
    const projectId = crypto.randomUUID();
    const signingKey = "PSK_seeded-key";
    const seeded = await startSandbox({
      seed: {
        accounts: [
          {
            projectId,
            apiToken: "PTseed",
            signingKey,
            conferences: [{ statusCallback: `${target.origin}/seed`, statusCallbackEvent: "join", participants: [{}] }],
          },
        ],
      },
    });
    afterAll(() => seeded.close());
    await seeded.callbacks.idle();
    const [join] = target.at("/seed");
    expect(await check(signingKey, join as Received)).toMatchObject({ AccountSid: projectId });
  });

  test("is refused when malformed, with what to send instead", () => {
    expect(() => subscribe("not a url")).toThrow(/absolute http or https URL/);
    expect(() => subscribe("ftp://127.0.0.1/")).toThrow(/http or https URL, got ftp:/);
    expect(() => subscribe("http://127.0.0.1/", { statusCallbackEvent: "join shout" })).toThrow(
      "statusCallbackEvent has shout, not an event; use words from start end join leave mute hold speaker",
    );
    expect(() => subscribe("http://127.0.0.1/", { statusCallbackEvent: " " })).toThrow(
      /statusCallbackEvent is required/,
    );
    expect(() => subscribe("http://127.0.0.1/", { statusCallbackMethod: "PUT" })).toThrow(/must be POST or GET/);
    expect(() => sb.addConference(account.projectId, { statusCallbackEvent: "join" })).toThrow(
      /need a statusCallback URL/,
    );
  });
});

describe("callback faults", () => {
  async function run(seed: number, settings: Parameters<Sandbox["callbacks"]["faults"]["set"]>[0]) {
    const target = await callbackReceiver();
    const { sb, account } = await sandbox({ callbackFaults: { seed, ...settings } });
    const conference = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/f`,
      statusCallbackEvent: "join",
    });
    const callSids = Array.from({ length: 40 }, () => sb.addParticipant(account.projectId, conference));
    await sb.callbacks.idle();
    return { sb, account, target, callSids };
  }

  test("are off by default", async () => {
    const { sb, target, callSids } = await run(1, {});
    expect(target.received.map((r) => r.form.get("CallSid"))).toEqual(callSids);
    expect(sb.callbacks.faults.injected).toEqual({ drop: 0, duplicate: 0 });
  });

  test("drop and duplicate a share, the same ones for the same seed, and record every attempt", async () => {
    const settings = { share: { drop: 0.25, duplicate: 0.25 } };
    const first = await run(7, settings);
    const second = await run(7, settings);
    const pattern = (r: typeof first) => r.sb.callbacks.deliveries.map((d) => d.fault ?? "-").join(",");
    expect(pattern(first)).toBe(pattern(second));
    const { drop, duplicate } = first.sb.callbacks.faults.injected;
    expect(drop).toBeGreaterThan(2);
    expect(duplicate).toBeGreaterThan(2);
    // A dropped callback is recorded but never sent; a duplicated one is sent twice, in a row.
    expect(first.sb.callbacks.deliveries).toHaveLength(40 + duplicate);
    expect(first.target.received).toHaveLength(40 - drop + duplicate);
    const dropped = first.sb.callbacks.deliveries.filter((d) => d.fault === "drop");
    expect(dropped.every((d) => d.status === undefined && d.error === undefined)).toBe(true);
    const sent = first.target.received.map((r) => r.form.get("CallSid"));
    const expected = first.sb.callbacks.deliveries.filter((d) => d.fault !== "drop").map((d) => d.callSid);
    expect(sent).toEqual(expected);
    for (const r of first.target.received) await check(first.account.signingKey, r);
  });

  test("queue faults for the next callbacks, delay them, and are set over the admin API too", async () => {
    const target = await callbackReceiver();
    const { sb, account } = await sandbox();
    const put = await fetch(`${sb.url}/__sandbox/callback-faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ next: ["drop", "duplicate"], delayMs: 150 }),
    });
    expect(await put.json()).toEqual({
      settings: { next: ["drop", "duplicate"], delayMs: 150 },
      injected: { drop: 0, duplicate: 0 },
    });
    const conference = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/q`,
      statusCallbackEvent: "join",
    });
    const started = Date.now();
    const callSids = [1, 2, 3].map(() => sb.addParticipant(account.projectId, conference));
    await sb.callbacks.idle();
    expect(target.received.map((r) => r.form.get("CallSid"))).toEqual([callSids[1], callSids[1], callSids[2]]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150);
    const bad = await fetch(`${sb.url}/__sandbox/callback-faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ share: { drop: 0.8, duplicate: 0.4 } }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/Invalid callback fault settings: the shares add up to 1.2/);
    const cleared = await fetch(`${sb.url}/__sandbox/callback-faults`, { method: "DELETE" });
    expect((await cleared.json()).settings).toEqual({});
  });
});

describe("the callbacks follow the spec", () => {
  const webhook = webhooks.find((w) => w.name === "conferenceStatusCallback");
  const form = webhook?.requestBody?.content["application/x-www-form-urlencoded"] as any;
  const examples = Object.values<any>(
    (webhook?.raw.requestBody as any)?.content["application/x-www-form-urlencoded"].examples,
  );

  test("the cXML words subscribe to the event names the spec's description pairs them with", () => {
    const description = String(bundle.components.schemas.ConferenceEventName?.description ?? "");
    const documented: string[] = (bundle.components.schemas.ConferenceEventName as any).examples;
    const flat = description.replace(/\s+/g, " ");
    for (const [word, names] of Object.entries(CALLBACK_EVENT_WORDS)) {
      for (const name of names) expect(documented).toContain(name);
      // "`mute` gives `participant-mute` and `participant-unmute`", or a pair of words giving a pair.
      const own = new RegExp(`\`${word}\` gives ${names.map((n) => `\`${n}\``).join(" and ")}`);
      const paired = new RegExp(
        `\`${word}\` and \`\\w+\` give \`${names[0]}\`|\`\\w+\` and \`${word}\` give \`[\\w-]+\` and \`${names[0]}\``,
      );
      expect(own.test(flat) || paired.test(flat), word).toBe(true);
    }
    expect(Object.values(CALLBACK_EVENT_WORDS).flat().sort()).toEqual([...documented].sort());
  });

  test("the default method is the spec webhook's; ApiVersion is the examples'", () => {
    expect(CALLBACK_METHODS[0]).toBe(webhook?.method);
    for (const example of examples) expect(example.value.ApiVersion).toBe(PREFIX.split("/").pop());
  });

  test("each event carries the fields of the spec's example for it, less the call's own (From, To, Direction)", async () => {
    const target = await callbackReceiver();
    const { sb, account } = await sandbox();
    const conference = sb.addConference(account.projectId, {
      statusCallback: `${target.origin}/fields`,
      statusCallbackEvent: ALL,
    });
    const host = sb.addParticipant(account.projectId, conference, { end_conference_on_exit: true });
    sb.updateParticipant(account.projectId, conference, host, { muted: true });
    sb.updateParticipant(account.projectId, conference, host, { muted: false, hold: true });
    sb.updateParticipant(account.projectId, conference, host, { hold: false });
    sb.removeParticipant(account.projectId, conference, host);
    await sb.callbacks.idle();
    const seen = new Set<string>();
    for (const r of target.received) {
      const event = r.form.get("StatusCallbackEvent") as string;
      seen.add(event);
      const example = examples.find((e) => e.value.StatusCallbackEvent === event);
      const expected = Object.keys(example.value).filter((k) => !["From", "To", "Direction"].includes(k));
      expect([...r.form.keys()].sort(), event).toEqual(expected.sort());
      expect(Object.keys(form.properties)).toEqual(expect.arrayContaining([...r.form.keys()]));
    }
    expect(seen.size).toBe(8);
  });
});
