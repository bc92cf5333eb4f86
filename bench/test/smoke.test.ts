// Runs every benchmark at tiny sizes so the harness cannot rot. It checks that each measurement
// is made and reported, never how fast anything is: timings belong to `pnpm bench`.
import { ensureValgrind } from "@laml/test-runtimes/ensure-valgrind";
import { beforeAll, describe, expect, test } from "vitest";
import type { BenchOptions, Row } from "../src/bench.js";
import { renderResults } from "../src/render-results.mjs";
import { runBenchmarks } from "../src/run-benchmarks.mjs";

const tiny: BenchOptions = {
  rounds: 1,
  calls: 20,
  warmUpCalls: 10,
  instructionCalls: 2,
  pageSize: 50,
  pagingParticipants: 150,
  muteParticipants: 12,
  memorySmall: 100,
  memoryLarge: 150,
  sandboxMs: 200,
  concurrency: 4,
  everyone: 120,
  latencyMs: 1,
  sequentialCalls: 5,
  buildRounds: 1,
  buildFilter: "@laml/types",
  log: () => {},
};

describe("pnpm bench at tiny sizes", () => {
  let rows: Row[];
  beforeAll(async () => {
    // The instruction count runs under valgrind, which a fresh CI machine installs here.
    ensureValgrind();
    rows = await runBenchmarks(tiny);
  }, 600_000);

  test("runs every benchmark to the end", () => {
    expect(rows.filter((row) => row.subject === "(crashed)")).toEqual([]);
  });

  test("reports every measurement the issue asks for", () => {
    const benchmarks = new Set(rows.map((row) => row.benchmark.replace(/ \(.*$/, "")));
    expect([...benchmarks]).toEqual([
      "Bundle size, browser",
      "Bundle size, Node",
      "Load time",
      "Per list call",
      "Instructions per list call",
      "Paging",
      "Peak memory, paging",
      "Peak memory of `list()`, 150 against 100 participants",
      "Mute everyone",
      "Sandbox throughput",
      "List everyone",
      "Connections",
      "Build loop",
    ]);
    const subjects = rows.map((row) => `${row.benchmark} / ${row.subject}`).join("\n");
    for (const library of ["@laml/client", "openapi-fetch", "twilio"]) expect(subjects).toContain(library);
  });

  test("gives every row a finite positive figure, or the reason esbuild could not bundle it", () => {
    for (const row of rows) {
      if (row.value === null) {
        expect(row.benchmark).toMatch(/^Bundle size/);
        expect(row.failure).toMatch(/esbuild error/);
      } else {
        expect(Number.isFinite(row.value) && row.value > 0, `${row.benchmark} / ${row.subject}`).toBe(true);
      }
    }
  });

  test("judges every target it states", () => {
    for (const row of rows.filter((row) => row.target !== "")) expect(typeof row.holds).toBe("boolean");
  });

  // A bundle's size depends on no machine's load, so a size that misses is a regression: a
  // benchmark program that pulls code into the minimal program, or the client grown past budget.
  test("holds the bundle-size targets", () => {
    const sized = rows.filter((row) => row.benchmark.startsWith("Bundle size") && row.target !== "");
    expect(sized.length).toBeGreaterThan(0);
    for (const row of sized) expect(row.holds, `${row.benchmark} / ${row.subject}: ${row.figure}`).toBe(true);
  });

  test("renders one table line per row", () => {
    const markdown = renderResults(rows, { machine: "a test machine", rounds: tiny.rounds });
    const tableLines = markdown.split("\n").filter((line) => line.startsWith("| "));
    // The header and its separator, then one line per row.
    expect(tableLines).toHaveLength(rows.length + 2);
    for (const row of rows) expect(markdown).toContain(row.subject.replaceAll("|", "\\|"));
  });
});
