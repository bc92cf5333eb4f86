// Runs one benchmark program's list operations on request and times them in-process.
import { constants, PerformanceObserver } from "node:perf_hooks";
import { answerParent } from "../answer-parent.mjs";

/** @import { Connection, Program } from "../program.js" */

/** @type {{ program: Program, client: unknown } | undefined} */
let loaded;

answerParent(
  /**
   * @param {{ file: string, connection: Connection } |
   *   { operation: "listPage" | "listPageRaw" | "listPageWithTimeout" | "listPageWithAttemptTimeout", conferenceSid: string, pageSize: number, calls: number } |
   *   { operation: "listAll" | "listAllWithAttemptTimeout", conferenceSid: string, pageSize: number } |
   *   { operation: "listEveryone", conferenceSid: string, pageSize?: undefined }} request
   */
  async (request) => {
    if ("file" in request) {
      /** @type {Program} */
      const program = await import(request.file);
      loaded = { program, client: program.connect(request.connection) };
      return null;
    }
    if (!loaded) throw new Error("Send the program ({ file, connection }) before an operation.");
    const { program, client } = loaded;
    const { conferenceSid, pageSize } = request;
    const { operation } = request;
    const pagesThrough = operation === "listAll" || operation === "listAllWithAttemptTimeout";
    const listAll = pagesThrough ? program[operation] : undefined;
    const listEveryone = operation === "listEveryone" ? program.listEveryone : undefined;
    const listPage =
      pagesThrough || operation === "listEveryone" ? undefined : program[/** @type {"listPage"} */ (operation)];
    if (!(listPage || listEveryone || listAll)) throw new Error(`This program has no ${operation}.`);
    const calls = "calls" in request ? request.calls : 1;
    let participants = 0;
    // Garbage collections: counts a busy machine does not change, so they show what a library
    // makes the collector do (allocating more, keeping bodies alive) where timings are too noisy.
    let scavenges = 0;
    let fullGcs = 0;
    const countGcs = (/** @type {PerformanceEntry[]} */ entries) => {
      for (const entry of entries) {
        const { kind } = /** @type {{ detail?: { kind?: number } }} */ (entry).detail ?? {};
        if (kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
        if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullGcs++;
      }
    };
    const observer = new PerformanceObserver((list) => countGcs(list.getEntries()));
    observer.observe({ entryTypes: ["gc"] });
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let call = 0; call < calls; call++) {
      if (listPage) participants += (await listPage(client, conferenceSid, /** @type {number} */ (pageSize))).length;
      else if (listEveryone) await listEveryone(client, conferenceSid, () => participants++);
      else await listAll?.(client, conferenceSid, /** @type {number} */ (pageSize), () => participants++);
    }
    const ms = performance.now() - started;
    // CPU time of this process alone: the client's own cost, which other processes on a
    // shared machine disturb much less than they disturb elapsed time.
    const { user, system } = process.cpuUsage(cpu);
    countGcs(observer.takeRecords());
    observer.disconnect();
    return { ms, cpuMs: (user + system) / 1000, scavenges, fullGcs, participants };
  },
);
