import { randomBytes, randomUUID } from "node:crypto";
import { startFixedServer } from "./fixed-server.mjs";
import { programs } from "./programs.mjs";
import { specFacts } from "./spec-facts.mjs";
import { startChild } from "./start-child.mjs";

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
 * them: the server runs in this process, each library in its own, so each is timed alone. A
 * fresh process per measurement makes the rounds independent: one process's JIT and heap layout
 * can sway a timing by several percent, and the median over rounds evens that out.
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
    async withWorker(program, use) {
      const worker = startChild("program-worker");
      try {
        await worker.call({ file: programs[program].file.href, connection });
        return await use(worker);
      } finally {
        await worker.close();
      }
    },
    close: () => server.close(),
  };
}
