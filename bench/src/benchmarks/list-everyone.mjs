import { format } from "../format.mjs";
import { measureRounds } from "../measure-rounds.mjs";
import { startChild } from "../start-child.mjs";
import { withProgramWorker } from "../with-program-worker.mjs";

/** @import { BenchOptions, Row, WorkerTiming } from "../bench.js" */
/** @import { Connection } from "../program.js" */
/** @import { programs } from "../programs.mjs" */

/** twilio-node first: the targets are stated against it. */
/** @type {ReadonlyArray<{ program: keyof typeof programs, subject: string, judged?: boolean }>} */
const cases = [
  { program: "twilio", subject: "twilio-node `list()` (baseline)" },
  { program: "raw-fetch", subject: "raw fetch loop at the API's default page size" },
  { program: "laml-client", subject: "@laml/client `participants.list()`, no `PageSize`", judged: true },
];

/** The targets against twilio-node: this many times fewer requests, and less wall time. */
const target = { fewerRequests: 10, lessTime: 8 };

/**
 * List everyone: every participant of one conference with each library's own page size, against
 * @laml/sandbox answering each request after the injected latency, as a remote API would. The
 * requests are counted at the server; the time is the whole listing's.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function listEveryone({ rounds, everyone, latencyMs, log }) {
  const sandbox = startChild("counted-sandbox");
  try {
    /** @type {Connection} */
    const connection = await sandbox.call({ latencyMs });
    const conferenceSid = await sandbox.call({ participants: everyone, muted: "every other" });
    const list = (/** @type {(typeof cases)[number]} */ item) =>
      withProgramWorker(item.program, connection, async (worker) => {
        const listing = () => worker.call({ operation: "listEveryone", conferenceSid });
        await listing();
        const before = await sandbox.call("counts");
        /** @type {WorkerTiming} */
        const { participants, ms, cpuMs } = await listing();
        const after = await sandbox.call("counts");
        if (participants !== everyone) {
          throw new Error(`${item.subject} listed ${participants} of ${everyone} participants.`);
        }
        return { ms, cpuMs, requests: after.requests - before.requests };
      });
    log(`list everyone: ${rounds} rounds of ${everyone} participants, ${latencyMs} ms latency per request`);
    const timings = await measureRounds(cases, rounds, list);
    return cases.map((item, index) => {
      const { ms, cpuMs, requests } = /** @type {(typeof timings)[number]} */ (timings[index]);
      const fewer = 1 / requests.ratio;
      const less = 1 / ms.ratio;
      return {
        benchmark: `List everyone (${format.count(everyone)} participants, ${latencyMs} ms latency per request)`,
        subject: item.subject,
        figure: `${format.ms(ms.median)}, ${format.count(requests.median)} requests (client CPU ${format.ms(cpuMs.median)})`,
        value: ms.median,
        ratio:
          index === 0
            ? "1×"
            : `${format.times(fewer)} fewer requests, ${format.times(less)} less time than twilio-node`,
        target: item.judged
          ? `≥ ${target.fewerRequests}× fewer requests, ≥ ${target.lessTime}× less time than twilio-node`
          : "",
        holds: item.judged ? fewer >= target.fewerRequests && less >= target.lessTime : null,
      };
    });
  } finally {
    await sandbox.close();
  }
}
