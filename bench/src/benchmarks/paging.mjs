import { startFixedApi } from "../fixed-api.mjs";
import { format } from "../format.mjs";
import { judgeAgainstSameTimeout } from "../judge-against-same-timeout.mjs";
import { measureRounds } from "../measure-rounds.mjs";
import { programs } from "../programs.mjs";
import { startChild } from "../start-child.mjs";

/** @import { BenchOptions, Row, WorkerTiming } from "../bench.js" */
/** @import { FixedApi } from "../fixed-api.mjs" */

/**
 * The target, on client CPU time against the raw loop that keeps the client's per-attempt timeout
 * on each page, as the per-call row judges one call: what that timeout costs Node's fetch is not
 * the client's own work, and neither is the turn of the event loop it waits before each page so
 * that the pages share one connection, which lengthens a loopback listing without working.
 */
const target = 1.15;

/** The second baseline's index in `cases`: the floor for a client with a per-attempt timeout. */
const SAME_TIMEOUT = 1;

/** @type {ReadonlyArray<{ program: keyof typeof programs, operation: "listAll" | "listAllWithAttemptTimeout", subject: string, judged?: boolean }>} */
const cases = [
  { program: "raw-fetch", operation: "listAll", subject: "raw fetch loop (baseline)" },
  {
    program: "raw-fetch",
    operation: "listAllWithAttemptTimeout",
    subject: "raw fetch loop with the client's per-attempt timeout on each page (baseline for the client)",
  },
  { program: "laml-client", operation: "listAll", subject: "@laml/client `participants.list()`", judged: true },
  { program: "twilio", operation: "listAll", subject: "twilio-node `each()`" },
];

/** The flatness target: the large listing's peak within this factor of the small one's. */
const flatness = 1.2;

/**
 * Peak memory of listing `total` participants once, in a fresh process.
 * @param {FixedApi} api
 * @param {keyof typeof programs} program
 * @param {number} total
 * @param {number} pageSize
 * @returns {Promise<{ peakLiveHeap: number, peakRss: number }>}
 */
async function peakMemory(api, program, total, pageSize) {
  const probe = startChild("memory-probe", ["--expose-gc"]);
  try {
    const pages = Math.ceil(total / pageSize);
    const result = await probe.call({
      file: programs[program].file.href,
      connection: api.connection,
      conferenceSid: api.addConference(total),
      pageSize,
      // About 50 samples per run, whatever its length: each costs a full collection.
      sampleEvery: pageSize * Math.max(1, Math.floor(pages / 50)),
    });
    if (result.participants !== total)
      throw new Error(`${program} listed ${result.participants} of ${total} participants.`);
    return result;
  } finally {
    await probe.close();
  }
}

/**
 * Paging: every participant of a large conference, following `next_page_uri`, timed against a
 * raw fetch loop; the peak memory of each; and whether `list()`'s peak stays flat as the
 * conference grows a hundredfold.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function paging({ rounds, pageSize, pagingParticipants, warmUpCalls, memorySmall, memoryLarge, log }) {
  const api = await startFixedApi();
  try {
    const conferenceSid = api.addConference(pagingParticipants);
    const pages = Math.ceil(pagingParticipants / pageSize);
    // Each measurement in a fresh process (see fixed-api.mjs), after warm-up listings.
    const listAll = (/** @type {(typeof cases)[number]} */ item) =>
      api.withWorker(item.program, async (worker) => {
        const list = () => worker.call({ operation: item.operation, conferenceSid, pageSize });
        // Whole listings, until they have sent the warm-up's number of requests.
        let sent = 0;
        do {
          await list();
          sent += pages;
        } while (sent < warmUpCalls);
        /** @type {WorkerTiming} */
        const { participants, ...figures } = await list();
        if (participants !== pagingParticipants) {
          throw new Error(`${item.subject} listed ${participants} of ${pagingParticipants} participants.`);
        }
        return figures;
      });
    log(
      `paging: ${rounds} rounds of ${pagingParticipants} participants per client, each in a fresh process after ${warmUpCalls} warm-up requests`,
    );
    const timings = await measureRounds(cases, rounds, listAll);

    const listing = `Paging (${format.count(pagingParticipants)} participants, ${format.count(pages)} pages)`;
    const sameTimeout = /** @type {(typeof timings)[number]} */ (timings[SAME_TIMEOUT]);
    /** @type {Row[]} */
    const rows = cases.map((item, index) => {
      const { ms, cpuMs, scavenges, fullGcs } = /** @type {(typeof timings)[number]} */ (timings[index]);
      return {
        benchmark: listing,
        subject: item.subject,
        figure: `${format.ms(ms.median)} (client CPU ${format.ms(cpuMs.median)}; GCs: ${scavenges.median} scavenges, ${fullGcs.median} full)`,
        value: ms.median,
        ...judgeAgainstSameTimeout({
          timing: { ms, cpuMs },
          index,
          sameTimeout,
          sameTimeoutIndex: SAME_TIMEOUT,
          baseline: "raw loop",
          target: item.judged ? target : undefined,
        }),
      };
    });

    log("paging: peak memory, one fresh process per case");
    // The memory probe lists through `listAll`; the timeout's twin of the raw loop would repeat it.
    const memoryCases = cases.filter((item) => item.operation === "listAll");
    const memory = [];
    for (const item of memoryCases) memory.push(await peakMemory(api, item.program, pagingParticipants, pageSize));
    const [baseline] = memory;
    if (!baseline) throw new Error("No baseline memory figure.");
    memory.forEach(({ peakRss, peakLiveHeap }, index) => {
      rows.push({
        benchmark: `Peak memory, ${listing.charAt(0).toLowerCase()}${listing.slice(1)}`,
        subject: /** @type {(typeof cases)[number]} */ (memoryCases[index]).subject,
        figure: `${format.MB(peakRss)} RSS, ${format.MB(peakLiveHeap)} live heap`,
        value: peakRss,
        ratio:
          index === 0
            ? "1×"
            : `${format.times(peakRss / baseline.peakRss)} RSS, ${format.times(peakLiveHeap / baseline.peakLiveHeap)} heap of raw loop`,
        target: "",
        holds: null,
      });
    });

    log(`paging: peak memory over ${memoryLarge} against ${memorySmall} participants`);
    // The raw loop is measured too: Node's own heap grows a little over a long run (optimised
    // code, fetch's connection pool), and the reader should see how much of a ratio is Node's.
    /** @type {Record<"raw-fetch" | "laml-client", { small: { peakLiveHeap: number, peakRss: number }, large: { peakLiveHeap: number, peakRss: number } }>} */
    const growth = {
      "raw-fetch": {
        small: await peakMemory(api, "raw-fetch", memorySmall, pageSize),
        large: await peakMemory(api, "raw-fetch", memoryLarge, pageSize),
      },
      "laml-client": {
        small: await peakMemory(api, "laml-client", memorySmall, pageSize),
        large: await peakMemory(api, "laml-client", memoryLarge, pageSize),
      },
    };
    const flat = `Peak memory of \`list()\`, ${format.count(memoryLarge)} against ${format.count(memorySmall)} participants`;
    // The target is judged on peak RSS, what "peak memory" means to whoever runs the process.
    // The live heap row shows the finer picture beside the raw loop's own growth, with no target:
    // a ratio near the raw loop's is Node's drift, one well above it would be the client's.
    for (const [measure, key, judged] of /** @type {const} */ ([
      ["peak RSS", "peakRss", true],
      ["peak live heap (after full GC)", "peakLiveHeap", false],
    ])) {
      const { small, large } = growth["laml-client"];
      const ratio = large[key] / small[key];
      const raw = growth["raw-fetch"].large[key] / growth["raw-fetch"].small[key];
      rows.push({
        benchmark: flat,
        subject: `@laml/client ${measure}`,
        figure: `${format.MB(large[key])} against ${format.MB(small[key])}`,
        value: large[key],
        ratio: `${format.times(ratio)} (raw fetch loop: ${format.times(raw)})`,
        target: judged ? `≤ ${format.times(flatness)}` : "",
        holds: judged ? ratio <= flatness : null,
      });
    }
    return rows;
  } finally {
    await api.close();
  }
}
