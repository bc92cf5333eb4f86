import { hasValgrind, INSTALL_VALGRIND } from "@laml/test-runtimes/ensure-valgrind";
import { countInstructions, instructionCases } from "../count-instructions.mjs";
import { format } from "../format.mjs";
import { PER_CALL_TARGET } from "./per-call.mjs";

/** @import { BenchOptions, Row } from "../bench.js" */

/**
 * The per-call target judged on what the client makes the CPU do: the instructions per list
 * call of the per-call row's subjects that send through Node's fetch, counted by valgrind with
 * every request answered from memory (count-instructions.mjs), against the same-timeout loop's.
 * A count, unlike CPU time on a shared machine, barely moves from run to run; it leaves out the
 * socket, which the timed row keeps.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function instructions({ instructionCalls, warmUpCalls, log }) {
  if (!hasValgrind()) {
    throw new Error(
      `valgrind is not on the PATH, and the per-call target is judged on its instruction count: install it with ${INSTALL_VALGRIND}, or run the other benchmarks by name with --only (--help lists the names).`,
    );
  }
  const [short, long] = [warmUpCalls, warmUpCalls + instructionCalls];
  log(`instructions: ${instructionCases.length} cases, ${long} and ${short} calls each, under valgrind`);
  const perCall = await countInstructions({ short, long, log });
  const baseline = /** @type {number} */ (perCall[0]);
  return instructionCases.map((item, index) => {
    const count = /** @type {number} */ (perCall[index]);
    const ratio = count / baseline;
    return {
      benchmark: `Instructions per list call (${format.count(instructionCalls)} calls after ${format.count(warmUpCalls)}, Node's fetch answered from memory)`,
      subject: item.subject,
      figure: `${format.count(Math.round(count))} instructions per call`,
      value: count,
      ratio: index === 0 ? "1×" : `${format.times(ratio)} same-timeout loop`,
      target: item.judged ? `≤ ${format.times(PER_CALL_TARGET)} same-timeout loop` : "",
      holds: item.judged ? ratio <= PER_CALL_TARGET : null,
    };
  });
}
