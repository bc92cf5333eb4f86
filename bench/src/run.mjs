// `pnpm bench`: runs every benchmark at full size, prints the table and writes RESULTS.md.
// `node src/run.mjs --only per-call,paging` runs a subset and prints it without writing the file.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { describeMachine } from "./describe-machine.mjs";
import { loadAverage } from "./load-average.mjs";
import { renderResults } from "./render-results.mjs";
import { benchmarks, runBenchmarks } from "./run-benchmarks.mjs";

/** @import { BenchOptions } from "./bench.js" */

/** @type {BenchOptions} */
const fullSize = {
  rounds: 7,
  calls: 2000,
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

const { values } = parseArgs({ options: { only: { type: "string" } } });
const names = Object.keys(benchmarks);
const only = values.only?.split(",").map((name) => name.trim());
const unknown = only?.filter((name) => !names.includes(name)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; choose from ${names.join(", ")}.`);
  process.exit(2);
}

const loadAtStart = loadAverage();
const rows = await runBenchmarks(fullSize, /** @type {Array<keyof typeof benchmarks> | undefined} */ (only));
const results = renderResults(rows, { machine: describeMachine(loadAtStart), rounds: fullSize.rounds });
console.log(results);
if (!only) {
  await writeFile(new URL("../RESULTS.md", import.meta.url), results);
  console.error("[bench] wrote bench/RESULTS.md");
}
if (rows.some((row) => row.subject === "(crashed)")) process.exitCode = 1;
