import { execFileSync } from "node:child_process";
import { cpus, release, totalmem, type } from "node:os";
import { loadAverage } from "./load-average.mjs";

/**
 * The machine and revision a run measured, as one line for the results file; called when the run
 * ends, with the load average read when it started.
 * @param {string} loadAtStart
 */
export function describeMachine(loadAtStart) {
  const cores = cpus();
  let commit = "unknown commit";
  try {
    commit = `commit ${execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim()}`;
  } catch {
    // Not a git checkout: the run is still valid, only its revision is unknown.
  }
  return [
    new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    `${cores[0]?.model.trim() ?? "unknown CPU"}, ${cores.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `Node ${process.version}, ${type()} ${release()}`,
    `load average ${loadAtStart} at start, ${loadAverage()} at end`,
    commit,
  ].join(" · ");
}
