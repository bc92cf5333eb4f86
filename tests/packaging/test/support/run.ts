import { execFileSync } from "node:child_process";

/** Runs a command and returns what it printed; on failure the error carries its whole output. */
export function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    throw new Error(`${[command, ...args].join(" ")} failed in ${cwd}:\n${stdout}${stderr}`);
  }
}
