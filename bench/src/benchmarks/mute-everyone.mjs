import { format } from "../format.mjs";
import { measureRounds } from "../measure-rounds.mjs";
import { startChild } from "../start-child.mjs";
import { withProgramWorker } from "../with-program-worker.mjs";

/** @import { BenchOptions, Row, WorkerTiming } from "../bench.js" */
/** @import { Connection } from "../program.js" */
/** @import { programs } from "../programs.mjs" */

/** `updateAll`'s requests in flight, its default. */
const CONCURRENCY = 8;
/** The target: at least this many times less wall time than twilio-node's loop. */
const target = 6;
/** Rounds at most: one round of the sequential loops waits on about a thousand round trips. */
const MAX_ROUNDS = 3;
/**
 * Participants of the conference each worker mutes first, untimed, so that its code is warm when
 * timed (a fresh process per round starts cold): one page at twilio-node's default page size.
 */
const WARM_UP_PARTICIPANTS = 50;

/**
 * Each way of muting everyone unmuted in a conference, as its users write it: an operation of a
 * program in src/programs/, run in a fresh worker process.
 * @type {ReadonlyArray<{ program: keyof typeof programs, operation: "muteEveryone" | "muteEveryoneConcurrently", subject: string, target?: boolean }>}
 */
const cases = [
  {
    // twilio-node configured as SignalWire's fork of it is (see src/programs/twilio.mjs); its
    // list() reads every page (its default page size) before the loop starts.
    program: "twilio",
    operation: "muteEveryone",
    subject: "twilio-node, `list()` then a `for` loop of `update()` (baseline)",
  },
  {
    program: "laml-client",
    operation: "muteEveryone",
    subject: "@laml/client, `list()` then a `for` loop of `update()`",
  },
  {
    program: "laml-client",
    operation: "muteEveryoneConcurrently",
    subject: `@laml/client \`updateAll\`, concurrency ${CONCURRENCY}`,
    target: true,
  },
];

/**
 * Mute everyone (issue 11's "Round trips"): every one of `muteParticipants` unmuted participants
 * muted, through a sandbox that waits `latencyMs` before each answer, by twilio-node's sequential loop
 * (the baseline), the same loop with @laml/client, and `updateAll`. Each way runs in a fresh
 * worker process per round, warmed up on a small conference first, then given a fresh conference;
 * the sandbox (in its own process) counts the requests and each participant's updates, and the
 * row says "all muted" only if in every round everyone ended muted and no one was updated twice.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function muteEveryone({ rounds, muteParticipants, latencyMs, log }) {
  const sandbox = startChild("counted-sandbox");
  try {
    /** @type {Connection} */
    const connection = await sandbox.call({ latencyMs });
    const clients = cases.map((item) => ({ ...item, requests: 0, exact: true }));
    const times = Math.min(rounds, MAX_ROUNDS);
    log(`mute everyone: ${times} rounds of ${muteParticipants} participants per case, ${latencyMs} ms per request`);
    const measure = (/** @type {(typeof clients)[number]} */ client) =>
      withProgramWorker(client.program, connection, async (worker) => {
        /** @returns {Promise<WorkerTiming>} */
        const mute = (/** @type {string} */ conferenceSid) =>
          worker.call({ operation: client.operation, conferenceSid, concurrency: CONCURRENCY });
        await mute(await sandbox.call({ participants: WARM_UP_PARTICIPANTS, muted: "none" }));
        /** @type {string} */
        const conferenceSid = await sandbox.call({ participants: muteParticipants, muted: "none" });
        const before = await sandbox.call("counts");
        const serverBefore = await sandbox.call("cpu-usage");
        const timing = await mute(conferenceSid);
        const serverAfter = await sandbox.call("cpu-usage");
        const after = await sandbox.call("counts");
        /** @type {{ participants: number, muted: number, fewestUpdates: number, mostUpdates: number }} */
        const check = await sandbox.call({ check: conferenceSid });
        const requests = after.requests - before.requests;
        client.requests = requests;
        const exact = check.muted === check.participants && check.fewestUpdates === 1 && check.mostUpdates === 1;
        if (!exact) {
          log(
            `mute everyone: ${client.subject}: ${JSON.stringify({ ...check, requests, updated: timing.participants })}`,
          );
        } else if (timing.participants !== check.muted) {
          // Everyone was muted exactly once, so the program should have reported each of them;
          // a program that did not has a broken count, not a slow mute.
          throw new Error(
            `mute everyone: ${client.subject} reported ${timing.participants} participants updated, but the sandbox muted ${check.muted}, each once; make its program's ${client.operation} visit every participant it mutes.`,
          );
        }
        client.exact &&= exact;
        // CPU per request, in ms: when the machine is busy, the processes' CPU, not the injected
        // latency, sets the pace of the concurrent case.
        const serverCpuMs =
          (serverAfter.user + serverAfter.system - serverBefore.user - serverBefore.system) / 1000 / requests;
        return { ms: timing.ms, serverCpuMs, clientCpuMs: timing.cpuMs / requests };
      });
    const timings = await measureRounds(clients, times, measure);
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
