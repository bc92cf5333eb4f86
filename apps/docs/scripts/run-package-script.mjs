import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { delimiter, join } from "node:path";

/** Redocly's Node-version notice, a box drawn on every run: noise between real findings. */
const NOTICE_LINE = /^\s*[╔║╚].*$\n?/gm;

/**
 * Runs the npm script `name` of the package in `dir` the way `pnpm run` does (a shell, with the
 * package's `node_modules/.bin` first on PATH) and resolves with its exit code and output.
 */
export async function runPackageScript(/** @type {string} */ dir, /** @type {string} */ name) {
  const { scripts = {} } = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  const command = scripts[name];
  if (!command) throw new Error(`${dir}/package.json has no "${name}" script`);
  const PATH = [join(dir, "node_modules/.bin"), process.env.PATH].join(delimiter);
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd: dir, shell: true, env: { ...process.env, PATH } });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output: output.replace(NOTICE_LINE, "").trim() }));
  });
}
