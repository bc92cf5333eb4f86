import { execFileSync } from "node:child_process";
import { cpus, loadavg, release, totalmem, type } from "node:os";

/** The machine and revision a run measured, as one line for the results file. */
export function describeMachine() {
  const cores = cpus();
  let commit = "unknown commit";
  try {
    commit = `commit ${execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim()}`;
  } catch {
    // Not a git checkout: the run is still valid, only its revision is unknown.
  }
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
  return [
    new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    `${cores[0]?.model.trim() ?? "unknown CPU"}, ${cores.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `Node ${process.version}, ${type()} ${release()}`,
    `load average ${load} at start`,
    commit,
  ].join(" · ");
}
