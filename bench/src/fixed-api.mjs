import { randomBytes, randomUUID } from "node:crypto";
import { startFixedServer } from "./fixed-server.mjs";
import { specFacts } from "./spec-facts.mjs";
import { withProgramWorker } from "./with-program-worker.mjs";

/** @import { programs } from "./programs.mjs" */
/** @import { Child } from "./start-child.mjs" */
/** @import { Connection } from "./program.js" */

/**
 * @typedef {object} FixedApi
 * @property {Connection} connection
 * @property {(total: number) => string} addConference
 * @property {<T>(program: keyof typeof programs, use: (worker: Child) => Promise<T>) => Promise<T>} withWorker
 *   Runs `use` with a fresh worker process that has loaded `program`, then ends the process.
 * @property {() => Promise<void>} close Stops the server.
 */

/**
 * The fixed-answer server, and worker processes for the programs, as the timing benchmarks use
 * them: the server runs in this process, each library in its own (`withProgramWorker`), so each
 * is timed alone.
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
  return {
    connection,
    addConference: server.addConference,
    withWorker: (program, use) => withProgramWorker(program, connection, use),
    close: () => server.close(),
  };
}
