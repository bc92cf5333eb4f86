// The one place that finds Chromium for the tests, and installs it on a fresh CI machine: CI
// (`.ci/run`) and a developer's `pnpm test` both get it from here, through the tests that need it.
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { installDebianPackage } from "./install-debian-package.mjs";

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
 * @param {NodeJS.ProcessEnv} env
 */
export function ensureChromium(env = process.env) {
  const found = findChromium(env);
  if (found) return found;
  installDebianPackage({ name: "chromium", command: "chromium", needer: "A browser test", env });
  const installed = findChromium(env);
  if (installed) return installed;
  throw new Error(
    "A browser test needs Chromium and none was found. Install it with " +
      "`sudo apt-get update && sudo apt-get install -y chromium` (Debian or Ubuntu), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}
