// `node src/run.mjs` with `--help` or an option it does not know: a usage message instead of
// Node's stack trace (ERR_PARSE_ARGS_UNKNOWN_OPTION), and no benchmark run. The command line's
// every case is read-arguments.test.ts's; these two check that run.mjs prints and exits as told.
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { benchmarks } from "../src/run-benchmarks.mjs";

const names = Object.keys(benchmarks);

/**
 * Runs `node src/run.mjs` with `args`; what it printed and its exit code. Killed after a few
 * seconds: a run.mjs that ignored its arguments would start every benchmark at full size, and
 * would write bench/RESULTS.md if it were let finish.
 */
function runBench(args: string[]) {
  const { status, stdout, stderr, error } = spawnSync(process.execPath, ["src/run.mjs", ...args], {
    cwd: new URL("..", import.meta.url),
    encoding: "utf8",
    timeout: 15_000,
    killSignal: "SIGKILL",
  });
  if (error)
    throw new Error(`node src/run.mjs ${args.join(" ")} did not exit by itself (${error.message}):\n${stderr}`);
  return { code: status, stdout, stderr };
}

/** What a benchmark run prints: its progress lines and the results table. */
function expectNoBenchmarkRan({ stdout, stderr }: { stdout: string; stderr: string }) {
  expect(stderr).not.toContain("[bench]");
  expect(stdout).not.toContain("| Benchmark |");
}

describe("node src/run.mjs's command line", () => {
  test("--help prints the usage with every benchmark's name and exits 0", () => {
    const result = runBench(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: node src/run.mjs [--only name,name…]");
    expect(result.stdout).toContain(`the names are ${names.join(", ")}`);
    expect(result.stderr).toBe("");
    expectNoBenchmarkRan(result);
  });

  test("refuses an unknown option with what was wrong and the usage, exit code 2, no stack trace", () => {
    const result = runBench(["--bogus"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Unknown option --bogus\.\n\nUsage: node src\/run\.mjs/);
    expect(result.stderr).toContain(`the names are ${names.join(", ")}`);
    expect(result.stderr).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /);
    expectNoBenchmarkRan(result);
  });
});
