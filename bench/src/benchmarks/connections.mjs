import { format } from "../format.mjs";
import { measureRounds } from "../measure-rounds.mjs";
import { startChild } from "../start-child.mjs";
import { withProgramWorker } from "../with-program-worker.mjs";

/** @import { BenchOptions, Row, WorkerTiming } from "../bench.js" */
/** @import { Connection } from "../program.js" */
/** @import { programs } from "../programs.mjs" */

/** @type {ReadonlyArray<{ program: keyof typeof programs, operation: "listPage" | "listPageRaw", subject: string, judged?: boolean }>} */
const cases = [
  { program: "raw-fetch", operation: "listPage", subject: "raw `fetch` (reference)" },
  { program: "laml-client", operation: "listPage", subject: "@laml/client `participants.pages`", judged: true },
  { program: "laml-client", operation: "listPageRaw", subject: "@laml/client `laml.raw.GET`", judged: true },
  { program: "twilio", operation: "listPage", subject: "twilio-node `participants.list`" },
];

/** The target: every sequential call over the one connection the first opened. */
const targetSockets = 1;

/**
 * Connections: `sequentialCalls` list calls one after another from a fresh process, against
 * @laml/sandbox with the injected latency; the sockets the server accepted over them, counted at
 * the server. A client that reuses its connection opens one, whatever the number of calls.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function connections({ rounds, sequentialCalls, pageSize, latencyMs, log }) {
  const sandbox = startChild("counted-sandbox");
  try {
    /** @type {Connection} */
    const connection = await sandbox.call({ latencyMs });
    const conferenceSid = await sandbox.call({ participants: pageSize, muted: "every other" });
    // No warm-up: the first call's connection is one of those counted.
    const count = (/** @type {(typeof cases)[number]} */ item) =>
      withProgramWorker(item.program, connection, async (worker) => {
        const before = await sandbox.call("counts");
        /** @type {WorkerTiming} */
        const { participants } = await worker.call({
          operation: item.operation,
          conferenceSid,
          pageSize,
          calls: sequentialCalls,
        });
        const after = await sandbox.call("counts");
        if (participants !== sequentialCalls * pageSize) {
          throw new Error(`${item.subject} returned ${participants} participants over ${sequentialCalls} calls.`);
        }
        return { sockets: after.sockets - before.sockets, requests: after.requests - before.requests };
      });
    log(`connections: ${rounds} rounds of ${sequentialCalls} sequential calls per client, each in a fresh process`);
    const counts = await measureRounds(cases, rounds, count);
    return cases.map((item, index) => {
      const { sockets, requests } = /** @type {(typeof counts)[number]} */ (counts[index]);
      return {
        benchmark: `Connections (${format.count(sequentialCalls)} sequential calls, ${latencyMs} ms latency per request)`,
        subject: item.subject,
        figure: `${format.count(sockets.median)} socket${sockets.median === 1 ? "" : "s"} for ${format.count(requests.median)} requests`,
        value: sockets.median,
        ratio: index === 0 ? "1×" : `${format.times(sockets.ratio)} raw fetch's sockets`,
        target: item.judged ? `${targetSockets} socket` : "",
        holds: item.judged ? sockets.median <= targetSockets : null,
      };
    });
  } finally {
    await sandbox.close();
  }
}
