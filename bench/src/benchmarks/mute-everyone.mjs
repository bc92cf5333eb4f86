import { createLamlClient } from "@laml/client";
import { withBulk } from "@laml/client/bulk";
import twilio from "twilio";
import { format } from "../format.mjs";
import { measureRounds } from "../measure-rounds.mjs";
import { startChild } from "../start-child.mjs";

/** @import { BenchOptions, Row } from "../bench.js" */

/** `updateAll`'s requests in flight, its default. */
const CONCURRENCY = 8;
/** The target: at least this many times less wall time than twilio-node's loop. */
const target = 6;
/** Rounds at most: one round of the sequential loops waits on about a thousand round trips. */
const MAX_ROUNDS = 3;

/** @typedef {{ origin: string, accountSid: string, apiToken: string }} Connection */

/**
 * Each way of muting everyone unmuted in a conference, as its users write it.
 * @type {ReadonlyArray<{ subject: string, target?: boolean, mute: (connection: Connection) => (conferenceSid: string) => Promise<void> }>}
 */
const cases = [
  {
    // twilio-node configured as SignalWire's fork of it is (see src/programs/twilio.mjs); its
    // list() reads every page (its default page size) before the loop starts.
    subject: "twilio-node, `list()` then a `for` loop of `update()` (baseline)",
    mute: ({ origin, accountSid, apiToken }) => {
      const client = twilio(`AC${accountSid}`, apiToken);
      client.username = accountSid;
      client.accountSid = accountSid;
      client.api.baseUrl = origin;
      return async (conferenceSid) => {
        const conference = client.api.v2010.account.conferences(conferenceSid);
        for (const participant of await conference.participants.list({ muted: false })) {
          await conference.participants(participant.callSid).update({ muted: true });
        }
      };
    },
  },
  {
    subject: "@laml/client, `list()` then a `for` loop of `update()`",
    mute: ({ origin, accountSid, apiToken }) => {
      const laml = createLamlClient({ spaceUrl: origin, projectId: accountSid, apiToken });
      return async (conferenceSid) => {
        const unmuted = [];
        for await (const participant of laml.participants.list(conferenceSid, { Muted: false }))
          unmuted.push(participant);
        for (const participant of unmuted) {
          await laml.participants.update(conferenceSid, participant.call_sid, { Muted: true });
        }
      };
    },
  },
  {
    subject: `@laml/client \`updateAll\`, concurrency ${CONCURRENCY}`,
    target: true,
    mute: ({ origin, accountSid, apiToken }) => {
      const laml = withBulk(createLamlClient({ spaceUrl: origin, projectId: accountSid, apiToken }));
      return async (conferenceSid) => {
        const { failed } = await laml.participants.updateAll(
          conferenceSid,
          { Muted: true },
          { where: { Muted: false }, concurrency: CONCURRENCY },
        );
        if (failed.length > 0) throw new Error(`updateAll failed for ${failed.length}: ${failed[0]?.error}`);
      };
    },
  },
];

/**
 * Mute everyone (issue 11's "Round trips"): every one of `muteParticipants` unmuted participants
 * muted, through a sandbox that waits `latencyMs` before each answer, by twilio-node's sequential loop
 * (the baseline), the same loop with @laml/client, and `updateAll`. Every round gets a fresh
 * conference; the sandbox (in its own process) counts each call's updates, and a round counts
 * only if everyone ended muted and no one was updated twice.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function muteEveryone({ rounds, muteParticipants, latencyMs, log }) {
  const sandbox = startChild("moderated-sandbox");
  try {
    /** @type {Connection} */
    const connection = await sandbox.call({ latencyMs });
    const clients = cases.map((item) => ({ ...item, run: item.mute(connection), requests: 0, exact: true }));
    const times = Math.min(rounds, MAX_ROUNDS);
    log(`mute everyone: ${times} rounds of ${muteParticipants} participants per case, ${latencyMs} ms per request`);
    const timings = await measureRounds(clients, times, async (client) => {
      const conferenceSid = await sandbox.call({ participants: muteParticipants });
      const serverBefore = await sandbox.call("cpu-usage");
      const clientBefore = process.cpuUsage();
      const started = performance.now();
      await client.run(conferenceSid);
      const ms = performance.now() - started;
      const clientCpu = process.cpuUsage(clientBefore);
      const serverAfter = await sandbox.call("cpu-usage");
      /** @type {{ participants: number, muted: number, fewestUpdates: number, mostUpdates: number, requests: number }} */
      const check = await sandbox.call({ check: conferenceSid });
      client.requests = check.requests;
      const exact = check.muted === check.participants && check.fewestUpdates === 1 && check.mostUpdates === 1;
      if (!exact) log(`mute everyone: ${client.subject}: ${JSON.stringify(check)}`);
      client.exact &&= exact;
      // CPU per request, in ms: when the machine is busy, the processes' CPU, not the injected
      // latency, sets the pace of the concurrent case.
      const serverCpuMs =
        (serverAfter.user + serverAfter.system - serverBefore.user - serverBefore.system) / 1000 / check.requests;
      return { ms, serverCpuMs, clientCpuMs: (clientCpu.user + clientCpu.system) / 1000 / check.requests };
    });
    return clients.map((client, index) => {
      const { ms, serverCpuMs, clientCpuMs } = /** @type {(typeof timings)[number]} */ (timings[index]);
      const faster = 1 / ms.ratio;
      const outcome = client.exact ? "all muted, each updated once" : "NOT all muted exactly once";
      return {
        benchmark: `Mute everyone (${format.count(muteParticipants)} participants, ${latencyMs} ms per request)`,
        subject: client.subject,
        figure: `${format.ms(ms.median)} (${format.count(client.requests)} requests; CPU per request: server ${format.ms(serverCpuMs.median)}, client ${format.ms(clientCpuMs.median)}; ${outcome})`,
        value: ms.median,
        ratio: index === 0 ? "1×" : `${format.times(faster)} less wall time than twilio-node`,
        target: client.target ? `≥ ${format.times(target)} less wall time, all muted, none twice` : "",
        holds: client.target ? faster >= target && client.exact : null,
      };
    });
  } finally {
    await sandbox.close();
  }
}
