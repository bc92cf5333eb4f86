// The one place that finds Chromium for the tests, and installs it on a fresh CI machine: CI
// (`.ci/run`) and a developer's `pnpm test` both get it from here, through the tests that need it.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** Flags that keep Chromium from phoning home (updates, sync, field trials) or needing a GPU. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian names the browser `chromium`; Ubuntu's older packages, `chromium-browser`. */
const NAMES = ["chromium", "chromium-browser"];

/** Installs Debian's package unless a test that held the lock before us already did. */
const INSTALL = "command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; }";

/** Whether `file` exists and may be executed. */
function isExecutable(/** @type {string} */ file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * CHROMIUM_PATH when set, else the first Chromium on PATH, else null.
 * @param {NodeJS.ProcessEnv} env
 */
export function findChromium(env = process.env) {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is ${configured}, which is not an executable file: fix or unset it`);
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of [...dirs, "/usr/bin"]) {
      if (isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/**
 * The path of a Chromium to drive. When there is none and we are root on a machine with
 * apt-get (a fresh CI box), installs Debian's `chromium` first; otherwise says how to install it.
 * Test files run in parallel, so the install holds a lock (`flock`): a second test waits for the
 * first one's install instead of colliding with it in apt's own lock.
 * @param {NodeJS.ProcessEnv} env
 */
export function ensureChromium(env = process.env) {
  const found = findChromium(env);
  if (found) return found;
  const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (process.getuid?.() === 0 && hasApt) {
    console.log("A browser test needs Chromium, which is missing: installing Debian's package.");
    const lock = join(tmpdir(), "laml-chromium-install.lock");
    const result = spawnSync("flock", [lock, "sh", "-c", INSTALL], {
      stdio: "inherit",
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) {
      throw new Error(
        `Installing Chromium with \`${INSTALL}\` failed (exit ${result.status}); run it yourself as root.`,
      );
    }
    const installed = findChromium(env);
    if (installed) return installed;
  }
  throw new Error(
    "A browser test needs Chromium and none was found. Install it with " +
      "`sudo apt-get update && sudo apt-get install -y chromium` (Debian or Ubuntu), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}
