import { format } from "../format.mjs";
import { startFixedApi } from "../fixed-api.mjs";
import { measureRounds } from "../measure-rounds.mjs";

/** @import { BenchOptions, Row } from "../bench.js" */
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
 * fixed-answer server, with each library in its own process; ratios to raw fetch + JSON.parse.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function perCall({ rounds, calls, pageSize, log }) {
  const api = await startFixedApi();
  try {
    const conferenceSid = api.addConference(pageSize);
    const run = async (/** @type {(typeof cases)[number]} */ item, /** @type {number} */ n) => {
      const worker = await api.worker(item.program);
      const result = await worker.call({ operation: item.operation, conferenceSid, pageSize, calls: n });
      if (result.participants !== n * pageSize) {
        throw new Error(`${item.subject} returned ${result.participants} participants over ${n} calls, not ${n * pageSize}.`);
      }
      return { ms: /** @type {number} */ (result.ms), cpuMs: /** @type {number} */ (result.cpuMs) };
    };
    log(`per-call: warming up ${cases.length} clients`);
    for (const item of cases) await run(item, Math.max(10, Math.ceil(calls / 10)));
    log(`per-call: ${rounds} rounds of ${calls} calls per client`);
    const timings = await measureRounds(cases, rounds, (item) => run(item, calls));
    return cases.map((item, index) => {
      const { ms, cpuMs } = /** @type {(typeof timings)[number]} */ (timings[index]);
      const ratio = ms.ratio;
      return {
        benchmark: `Per list call (${format.count(calls)} sequential calls, ${pageSize} participants each)`,
        subject: item.subject,
        figure: `${format.us(ms.median / calls)} per call (client CPU ${format.us(cpuMs.median / calls)})`,
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
