import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

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

/** CHROMIUM_PATH when set, else the first Chromium on PATH, else null. */
function findChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is ${configured}, which is not an executable file: fix or unset it`);
  }
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of [...dirs, "/usr/bin"]) {
      if (isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** Runs a command for everyone to see, and throws when it fails. */
function run(/** @type {string} */ command, /** @type {string[]} */ args) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) throw new Error(`\`${command} ${args.join(" ")}\` failed (exit ${result.status})`);
}

/**
 * The path of a Chromium to drive. When there is none and we are root on a machine with
 * apt-get (a fresh CI box), installs Debian's `chromium` first; otherwise says how to install it.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (process.getuid?.() === 0 && hasApt) {
    console.log("The docs browser test needs Chromium, which is missing: installing Debian's package.");
    run("apt-get", ["update"]);
    run("apt-get", ["install", "-y", "chromium"]);
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "The docs browser test needs Chromium and none was found. Install it with " +
      "`sudo apt-get update && sudo apt-get install -y chromium` (Debian or Ubuntu), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}
