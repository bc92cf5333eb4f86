import { startFixedApi } from "../fixed-api.mjs";
import { format } from "../format.mjs";
import { measureRounds } from "../measure-rounds.mjs";

/** @import { BenchOptions, Row, WorkerTiming } from "../bench.js" */
/** @import { programs } from "../programs.mjs" */

/** @type {ReadonlyArray<{ program: keyof typeof programs, operation: "listPage" | "listPageRaw" | "listPageWithTimeout", subject: string, target?: number }>} */
const cases = [
  { program: "raw-fetch", operation: "listPage", subject: "raw `fetch` + `JSON.parse` (baseline)" },
  {
    program: "raw-fetch",
    operation: "listPageWithTimeout",
    subject: "raw `fetch` + `JSON.parse` with `AbortSignal.timeout` (reference: a timeout's cost)",
  },
  { program: "openapi-fetch", operation: "listPage", subject: "openapi-fetch `GET`" },
  { program: "laml-client", operation: "listPageRaw", subject: "@laml/client `laml.raw.GET`", target: 1.1 },
  { program: "laml-client", operation: "listPage", subject: "@laml/client `participants.pages`", target: 1.1 },
  { program: "twilio", operation: "listPage", subject: "twilio-node `participants.list`" },
];

/**
 * Per-call cost: sequential list calls, each returning one page of participants from the
 * fixed-answer server, with each case in its own process; ratios to raw fetch + JSON.parse.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function perCall({ rounds, calls, pageSize, log }) {
  const api = await startFixedApi();
  try {
    const conferenceSid = api.addConference(pageSize);
    // Each measurement in a fresh process (see fixed-api.mjs), warmed up first.
    const run = (/** @type {(typeof cases)[number]} */ item) =>
      api.withWorker(item.program, async (worker) => {
        const call = (/** @type {number} */ n) =>
          worker.call({ operation: item.operation, conferenceSid, pageSize, calls: n });
        await call(Math.max(10, Math.ceil(calls / 10)));
        /** @type {WorkerTiming} */
        const { participants, ...figures } = await call(calls);
        if (participants !== calls * pageSize) {
          throw new Error(`${item.subject} returned ${participants} participants over ${calls} calls.`);
        }
        return figures;
      });
    log(`per-call: ${rounds} rounds of ${calls} calls per client, each in a fresh process after a warm-up`);
    const timings = await measureRounds(cases, rounds, run);
    return cases.map((item, index) => {
      const { ms, cpuMs, scavenges, fullGcs } = /** @type {(typeof timings)[number]} */ (timings[index]);
      const ratio = ms.ratio;
      return {
        benchmark: `Per list call (${format.count(calls)} sequential calls, ${pageSize} participants each)`,
        subject: item.subject,
        figure: `${format.us(ms.median / calls)} per call (client CPU ${format.us(cpuMs.median / calls)}; GCs: ${scavenges.median} scavenges, ${fullGcs.median} full)`,
        value: ms.median / calls,
        ratio: index === 0 ? "1×" : `${format.times(ratio)} raw fetch (CPU ${format.times(cpuMs.ratio)})`,
        target: item.target ? `≤ ${format.times(item.target)} raw fetch` : "",
        holds: item.target ? ratio <= item.target : null,
      };
    });
  } finally {
    await api.close();
  }
}
