// Installs a runtime that the npm registry ships as a binary (Bun, Deno) into a cache folder of
// this package, once per version: a rerun, or a second test file asking for it, finds it there.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where installed runtimes are kept: under this package's node_modules, so git and pnpm leave them be. */
export const CACHE_DIR = fileURLToPath(new URL("../node_modules/.cache/runtimes/", import.meta.url));

/**
 * @typedef {object} NpmRuntime
 * @property {string} name the npm package, e.g. `bun`
 * @property {string} version its exact version
 * @property {string} bin the executable it links into `node_modules/.bin`
 */

/**
 * Runs `file --version`; its output, or null when it does not print `version`.
 * @param {string} file
 * @param {string} version
 */
function reportedVersion(file, version) {
  if (!existsSync(file)) return null;
  const result = spawnSync(file, ["--version"], { encoding: "utf8" });
  // A whole version: 1.4.5 is not 1.4.50.
  const whole = new RegExp(`(^|[^\\d.])${version.replaceAll(".", "\\.")}($|[^\\d.])`);
  return result.status === 0 && whole.test(result.stdout) ? result.stdout : null;
}

/**
 * The path of the runtime's executable, installed with `npm install` into the cache first when it
 * is not there yet. The package's own postinstall script links its platform's binary (shipped in
 * an optional dependency such as `@oven/bun-linux-x64`), so scripts must run. The install goes to
 * a folder of its own and is renamed into place only once its binary answers `--version`: test
 * files installing the same runtime at the same time never see half an install, and the loser of
 * the rename uses the winner's.
 * @param {NpmRuntime} runtime
 * @param {string} cacheDir
 */
export function installFromNpm({ name, version, bin }, cacheDir = CACHE_DIR) {
  const target = join(cacheDir, `${name}@${version}`);
  const binary = (/** @type {string} */ dir) => join(dir, "node_modules", ".bin", bin);
  if (reportedVersion(binary(target), version)) return binary(target);
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, `.${name}@${version}-`));
  try {
    writeFileSync(join(staging, "package.json"), JSON.stringify({ private: true }));
    const args = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--save-exact", `${name}@${version}`];
    const result = spawnSync("npm", args, { cwd: staging, encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(
        `\`npm ${args.join(" ")}\` failed (exit ${result.status}), so ${name} cannot be run; ` +
          `check that the npm registry is reachable and that ${name}@${version} exists (\`npm view ${name}@${version}\`):\n` +
          `${result.stdout}${result.stderr}`,
      );
    }
    if (!reportedVersion(binary(staging), version)) {
      throw new Error(
        `${name}@${version} installed, but ${binary(staging)} does not answer \`--version\` with ${version}: ` +
          `its postinstall script links the binary, so npm must run install scripts (check \`npm config get ignore-scripts\`).`,
      );
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another test file's install got there first; it is as good as ours.
      if (!reportedVersion(binary(target), version)) {
        throw new Error(
          `${target} is in the way of a fresh install of ${name}@${version} and its ${bin} does not answer \`--version\`; remove that folder`,
          { cause: error },
        );
      }
    }
    return binary(target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
