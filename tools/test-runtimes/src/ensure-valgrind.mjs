// valgrind for the bench's smoke test, which runs the instruction count: Debian's, installed on a
// fresh CI machine as Chromium is.
import { spawnSync } from "node:child_process";
import { installDebianPackage } from "./install-debian-package.mjs";

/** How to install valgrind by hand, for every message that says it is missing. */
export const INSTALL_VALGRIND = "`sudo apt-get update && sudo apt-get install -y valgrind` (Debian or Ubuntu)";

/** Whether `valgrind` runs from the PATH. */
export const hasValgrind = (env = process.env) =>
  spawnSync("valgrind", ["--version"], { stdio: "ignore", env }).status === 0;

/**
 * Makes sure `valgrind` is on the PATH: installs Debian's package when we are root on a machine
 * with apt-get (a fresh CI box), and otherwise, when it is missing, says how to install it.
 * @param {NodeJS.ProcessEnv} env
 */
export function ensureValgrind(env = process.env) {
  if (hasValgrind(env)) return;
  installDebianPackage({ name: "valgrind", command: "valgrind", needer: "The bench's instruction count", env });
  if (hasValgrind(env)) return;
  throw new Error(
    `The bench's instruction count needs valgrind and none is on the PATH. Install it with ${INSTALL_VALGRIND}.`,
  );
}
