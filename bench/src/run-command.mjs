import { spawn } from "node:child_process";

/**
 * Runs a command to completion and times it; rejects with the end of its output when it fails,
 * so a broken build says why instead of producing a figure.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options
 * @returns {Promise<{ ms: number, output: string }>}
 */
export function runCommand(command, args, { cwd, env = {} }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, output });
      else reject(new Error(`\`${command} ${args.join(" ")}\` in ${cwd} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}
