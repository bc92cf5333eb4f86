// Runs one benchmark program's operations (lists and mutes) on request and times them in-process.
import { constants, PerformanceObserver } from "node:perf_hooks";
import { answerParent } from "../answer-parent.mjs";

/** @import { Connection, Program } from "../program.js" */

/**
 * @typedef {{ operation: "listPage" | "listPageRaw" | "listPageWithTimeout" | "listPageWithAttemptTimeout" | "listPageAfterTurn", conferenceSid: string, pageSize: number, calls: number } |
 *   { operation: "listAll" | "listAllWithAttemptTimeout", conferenceSid: string, pageSize: number } |
 *   { operation: "listEveryone" | "muteEveryone", conferenceSid: string } |
 *   { operation: "muteEveryoneConcurrently", conferenceSid: string, concurrency: number }} Operation
 */

/** @type {{ program: Program, client: unknown } | undefined} */
let loaded;

/**
 * The program's operation that `request` names, as one call with its arguments bound, adding the
 * participants it read or updated to `tally`; undefined when the program has no such operation.
 * @param {Program} program
 * @param {unknown} client
 * @param {Operation} request
 * @param {{ participants: number }} tally
 * @returns {(() => Promise<void>) | undefined}
 */
function operationOf(program, client, request, tally) {
  const visit = () => {
    tally.participants++;
  };
  const { conferenceSid } = request;
  switch (request.operation) {
    case "listAll": {
      const { pageSize } = request;
      return () => program.listAll(client, conferenceSid, pageSize, visit);
    }
    case "listAllWithAttemptTimeout": {
      const { listAllWithAttemptTimeout } = program;
      const { pageSize } = request;
      return listAllWithAttemptTimeout && (() => listAllWithAttemptTimeout(client, conferenceSid, pageSize, visit));
    }
    case "listEveryone": {
      const { listEveryone } = program;
      return listEveryone && (() => listEveryone(client, conferenceSid, visit));
    }
    case "muteEveryone": {
      const { muteEveryone } = program;
      return muteEveryone && (() => muteEveryone(client, conferenceSid, visit));
    }
    case "muteEveryoneConcurrently": {
      const { muteEveryoneConcurrently } = program;
      const { concurrency } = request;
      return muteEveryoneConcurrently && (() => muteEveryoneConcurrently(client, conferenceSid, concurrency, visit));
    }
    default: {
      const listPage = program[request.operation];
      const { pageSize } = request;
      return (
        listPage &&
        (async () => {
          tally.participants += (await listPage(client, conferenceSid, pageSize)).length;
        })
      );
    }
  }
}

answerParent(
  /** @param {{ file: string, connection: Connection } | Operation} request */
  async (request) => {
    if ("file" in request) {
      /** @type {Program} */
      const program = await import(request.file);
      loaded = { program, client: program.connect(request.connection) };
      return null;
    }
    if (!loaded) throw new Error("Send the program ({ file, connection }) before an operation.");
    const { program, client } = loaded;
    const tally = { participants: 0 };
    const run = operationOf(program, client, request, tally);
    if (!run) throw new Error(`This program has no ${request.operation}.`);
    const calls = "calls" in request ? request.calls : 1;
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
    for (let call = 0; call < calls; call++) await run();
    const ms = performance.now() - started;
    // CPU time of this process alone: the client's own cost, which other processes on a
    // shared machine disturb much less than they disturb elapsed time.
    const { user, system } = process.cpuUsage(cpu);
    countGcs(observer.takeRecords());
    observer.disconnect();
    return { ms, cpuMs: (user + system) / 1000, scavenges, fullGcs, participants: tally.participants };
  },
);
