import { randomBytes, randomUUID } from "node:crypto";
import { startFixedServer } from "./fixed-server.mjs";
import { startChild } from "./start-child.mjs";
import { programs } from "./programs.mjs";
import { specFacts } from "./spec-facts.mjs";

/** @import { Child } from "./start-child.mjs" */
/** @import { Connection } from "./program.js" */

/**
 * @typedef {object} FixedApi
 * @property {Connection} connection
 * @property {(total: number) => string} addConference
 * @property {(program: keyof typeof programs) => Promise<Child>} worker The program's worker process, started on first use.
 * @property {() => Promise<void>} close Stops the workers and the server.
 */

/**
 * The fixed-answer server with one worker process per program, as the timing benchmarks use them:
 * the server runs in this process, each library in its own, so each is timed alone.
 * @returns {Promise<FixedApi>}
 */
export async function startFixedApi() {
  const server = await startFixedServer();
  /** @type {Connection} */
  const connection = {
    origin: server.origin,
    apiBaseUrl: server.origin + specFacts.basePath,
    accountSid: randomUUID(),
    apiToken: `PT${randomBytes(16).toString("hex")}`,
  };
  /** @type {Map<string, { child: Child, ready: Promise<Child> }>} */
  const workers = new Map();
  return {
    connection,
    addConference: server.addConference,
    worker(program) {
      let worker = workers.get(program);
      if (!worker) {
        const child = startChild("program-worker");
        worker = { child, ready: child.call({ file: programs[program].file.href, connection }).then(() => child) };
        workers.set(program, worker);
      }
      return worker.ready;
    },
    async close() {
      await Promise.all([...workers.values()].map(({ child }) => child.close()));
      await server.close();
    },
  };
}
