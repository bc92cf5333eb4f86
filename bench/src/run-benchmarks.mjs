import { buildLoop } from "./benchmarks/build-loop.mjs";
import { bundleSize } from "./benchmarks/bundle-size.mjs";
import { connections } from "./benchmarks/connections.mjs";
import { instructions } from "./benchmarks/instructions.mjs";
import { listEveryone } from "./benchmarks/list-everyone.mjs";
import { loadTime } from "./benchmarks/load-time.mjs";
import { muteEveryone } from "./benchmarks/mute-everyone.mjs";
import { paging } from "./benchmarks/paging.mjs";
import { perCall } from "./benchmarks/per-call.mjs";
import { sandboxRate } from "./benchmarks/sandbox-rate.mjs";

/** @import { BenchOptions, Row } from "./bench.js" */

/** Every benchmark, in the order the table lists them. */
export const benchmarks = Object.freeze({
  "bundle-size": bundleSize,
  "load-time": loadTime,
  "per-call": perCall,
  instructions,
  paging,
  "mute-everyone": muteEveryone,
  sandbox: sandboxRate,
  "list-everyone": listEveryone,
  connections,
  "build-loop": buildLoop,
});

/**
 * Runs the benchmarks one after another (never two at once: they would share the CPU). A
 * benchmark that crashes becomes one row saying why, so the others still report.
 * @param {BenchOptions} options
 * @param {ReadonlyArray<keyof typeof benchmarks>} [only] A subset to run; all when absent.
 * @returns {Promise<Row[]>}
 */
export async function runBenchmarks(
  options,
  only = /** @type {Array<keyof typeof benchmarks>} */ (Object.keys(benchmarks)),
) {
  /** @type {Row[]} */
  const rows = [];
  for (const name of only) {
    const started = performance.now();
    try {
      rows.push(...(await benchmarks[name](options)));
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
      options.log(`${name} failed: ${error instanceof Error ? error.stack : message}`);
      rows.push({
        benchmark: name,
        subject: "(crashed)",
        figure: "failed",
        value: null,
        ratio: "",
        target: "",
        holds: null,
        failure: message,
      });
    }
    options.log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return rows;
}
