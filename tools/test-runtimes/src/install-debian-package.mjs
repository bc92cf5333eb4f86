// Installs a Debian package on a fresh CI machine, for the runtimes that come from Debian rather
// than from the npm registry (Chromium, valgrind).
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One lock for every install: apt takes one package manager at a time, whatever the package. */
const LOCK = join(tmpdir(), "laml-apt-install.lock");

/**
 * Installs Debian's package `name`, which provides the command `command`, when we are root on a
 * machine with apt-get (a fresh CI box); anywhere else it does nothing, and the caller says how
 * to install it. Test files run in parallel, so the install holds a lock (`flock`): a second test
 * waits for the first one's install instead of colliding with it in apt's own lock, then finds
 * the command there and installs nothing.
 * @param {{ name: string, command: string, needer: string, env: NodeJS.ProcessEnv }} what
 *   `needer` says who needs it, as in "A browser test".
 */
export function installDebianPackage({ name, command, needer, env }) {
  if (process.getuid?.() !== 0 || spawnSync("apt-get", ["--version"], { stdio: "ignore", env }).status !== 0) return;
  console.log(`${needer} needs ${command}, which is missing: installing Debian's package ${name}.`);
  const install = `command -v ${command} >/dev/null || { apt-get update && apt-get install -y ${name}; }`;
  const result = spawnSync("flock", [LOCK, "sh", "-c", install], {
    stdio: "inherit",
    env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status}`;
    throw new Error(`Installing ${name} with \`${install}\` failed (${why}); run it yourself as root.`);
  }
}
