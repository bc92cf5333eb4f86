import { programs } from "./programs.mjs";
import { startChild } from "./start-child.mjs";

/** @import { Child } from "./start-child.mjs" */
/** @import { Connection } from "./program.js" */

/**
 * Runs `use` with a fresh worker process (src/children/program-worker.mjs) that has loaded
 * `program` and connected it to `connection`, then ends the process. A fresh process per
 * measurement makes the rounds independent: one process's JIT and heap layout can sway a timing
 * by several percent, and the median over rounds evens that out.
 * @template T
 * @param {keyof typeof programs} program
 * @param {Connection} connection
 * @param {(worker: Child) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withProgramWorker(program, connection, use) {
  const worker = startChild("program-worker");
  try {
    await worker.call({ file: programs[program].file.href, connection });
    return await use(worker);
  } finally {
    await worker.close();
  }
}
