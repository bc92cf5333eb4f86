// `pnpm bench`: runs every benchmark at full size, prints the table and writes RESULTS.md.
// `node src/run.mjs --only per-call,paging` runs a subset and prints it without writing the file;
// `--help` says so.
import { writeFile } from "node:fs/promises";
import { describeMachine } from "./describe-machine.mjs";
import { loadAverage } from "./load-average.mjs";
import { readArguments } from "./read-arguments.mjs";
import { renderResults } from "./render-results.mjs";
import { benchmarks, runBenchmarks } from "./run-benchmarks.mjs";

/** @import { BenchOptions } from "./bench.js" */

/** @type {BenchOptions} */
const fullSize = {
  rounds: 7,
  calls: 2000,
  warmUpCalls: 4000,
  instructionCalls: 8000,
  pageSize: 50,
  pagingParticipants: 10_000,
  muteParticipants: 500,
  memorySmall: 1000,
  memoryLarge: 100_000,
  sandboxMs: 1500,
  concurrency: 32,
  everyone: 2500,
  latencyMs: 20,
  sequentialCalls: 50,
  buildRounds: 3,
  log: (line) => console.error(`[bench] ${line}`),
};

const names = Object.keys(benchmarks);
const request = readArguments(process.argv.slice(2), names);
if ("message" in request) {
  (request.exitCode === 0 ? console.log : console.error)(request.message);
  process.exit(request.exitCode);
}
const { only } = request;

const loadAtStart = loadAverage();
const rows = await runBenchmarks(fullSize, /** @type {Array<keyof typeof benchmarks> | undefined} */ (only));
const results = renderResults(rows, { machine: describeMachine(loadAtStart), rounds: fullSize.rounds });
console.log(results);
const crashed = rows.some((row) => row.subject === "(crashed)");
if (!only && !crashed) {
  await writeFile(new URL("../RESULTS.md", import.meta.url), results);
  console.error("[bench] wrote bench/RESULTS.md");
}
if (crashed) {
  // A run that could not judge every target does not replace the last one that did.
  if (!only) console.error("[bench] left bench/RESULTS.md as it was: a benchmark crashed (its row says why)");
  process.exitCode = 1;
}
