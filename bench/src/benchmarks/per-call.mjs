import { startFixedApi } from "../fixed-api.mjs";
import { format } from "../format.mjs";
import { judgeAgainstSameTimeout } from "../judge-against-same-timeout.mjs";
import { measureRounds } from "../measure-rounds.mjs";

/** @import { BenchOptions, Row, WorkerTiming } from "../bench.js" */
/** @import { programs } from "../programs.mjs" */

/** @typedef {"listPage" | "listPageRaw" | "listPageWithTimeout" | "listPageWithAttemptTimeout" | "listPageAfterTurn"} Operation */

/**
 * The per-call target: the client's CPU per call against a raw loop that keeps the
 * client's per-attempt timeout, the floor for any client with one, since what that timeout costs
 * Node's fetch is not the client's own work. Judged on the instructions each call executes
 * (benchmarks/instructions.mjs): CPU time on a shared machine moves further than this margin with
 * nothing changed, as the row that times the same-timeout loop twice shows in every run.
 */
export const PER_CALL_TARGET = 1.05;

/** The second baseline's index in `perCallCases`: the floor for a client with a per-attempt timeout. */
export const SAME_TIMEOUT = 2;

/**
 * `judged`: held to the target, by the instruction count.
 * @type {ReadonlyArray<{ program: keyof typeof programs, operation: Operation, subject: string, judged?: boolean }>}
 */
export const perCallCases = [
  { program: "raw-fetch", operation: "listPage", subject: "raw `fetch` + `JSON.parse` (baseline)" },
  {
    program: "raw-fetch",
    operation: "listPageWithTimeout",
    subject: "raw `fetch` + `JSON.parse` with `AbortSignal.timeout` (reference: a timeout's cost)",
  },
  {
    program: "raw-fetch",
    operation: "listPageWithAttemptTimeout",
    subject:
      "raw `fetch` + `JSON.parse` with the client's per-attempt timeout, an `AbortController` and a timer (baseline for the client)",
  },
  {
    program: "raw-fetch",
    operation: "listPageAfterTurn",
    subject:
      "the same-timeout loop after one turn of the event loop per call (reference: the cost of the client's wait for one connection)",
  },
  { program: "openapi-fetch", operation: "listPage", subject: "openapi-fetch `GET`" },
  { program: "laml-client", operation: "listPageRaw", subject: "@laml/client `laml.raw.GET`", judged: true },
  { program: "laml-client", operation: "listPage", subject: "@laml/client `participants.pages`", judged: true },
  { program: "twilio", operation: "listPage", subject: "twilio-node `participants.list`" },
  {
    program: "raw-fetch",
    operation: "listPageWithAttemptTimeout",
    subject:
      "the same-timeout loop again, in processes of its own (reference: how far CPU time moves with nothing changed)",
  },
];

/**
 * Per-call cost: sequential list calls, each returning one page of participants from the
 * fixed-answer server, with each case in its own process; ratios to raw fetch + JSON.parse, and
 * CPU ratios to the same-timeout loop, with no verdict: the instruction count gives that.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function perCall({ rounds, calls, warmUpCalls, pageSize, log }) {
  const api = await startFixedApi();
  try {
    const conferenceSid = api.addConference(pageSize);
    // Each measurement in a fresh process (see fixed-api.mjs), warmed up to its steady state first.
    const run = (/** @type {(typeof perCallCases)[number]} */ item) =>
      api.withWorker(item.program, async (worker) => {
        const call = (/** @type {number} */ n) =>
          worker.call({ operation: item.operation, conferenceSid, pageSize, calls: n });
        await call(warmUpCalls);
        /** @type {WorkerTiming} */
        const { participants, ...figures } = await call(calls);
        if (participants !== calls * pageSize) {
          throw new Error(`${item.subject} returned ${participants} participants over ${calls} calls.`);
        }
        return figures;
      });
    log(
      `per-call: ${rounds} rounds of ${calls} calls per client, each in a fresh process after ${warmUpCalls} warm-up calls`,
    );
    const timings = await measureRounds(perCallCases, rounds, run);
    const sameTimeout = /** @type {(typeof timings)[number]} */ (timings[SAME_TIMEOUT]);
    return perCallCases.map((item, index) => {
      const { ms, cpuMs, scavenges, fullGcs } = /** @type {(typeof timings)[number]} */ (timings[index]);
      return {
        benchmark: `Per list call (${format.count(calls)} sequential calls, ${pageSize} participants each)`,
        subject: item.subject,
        figure: `${format.us(ms.median / calls)} per call (client CPU ${format.us(cpuMs.median / calls)}; GCs: ${scavenges.median} scavenges, ${fullGcs.median} full)`,
        value: ms.median / calls,
        ...judgeAgainstSameTimeout({
          timing: { ms, cpuMs },
          index,
          sameTimeout,
          sameTimeoutIndex: SAME_TIMEOUT,
          baseline: "raw fetch",
        }),
      };
    });
  } finally {
    await api.close();
  }
}
