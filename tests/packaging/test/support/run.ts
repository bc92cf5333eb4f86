import { execFileSync } from "node:child_process";

/**
 * Runs a command and returns what it printed; on failure the error carries its whole output.
 * With `timeoutMs`, a command still running then is killed and reported as not having ended.
 */
export function run(command: string, args: string[], cwd: string, { timeoutMs }: { timeoutMs?: number } = {}): string {
  const line = [command, ...args].join(" ");
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: "pipe", timeout: timeoutMs });
  } catch (error) {
    const { stdout, stderr, code } = error as { stdout: string; stderr: string; code?: string };
    if (code === "ETIMEDOUT")
      throw new Error(
        `${line} had not ended after ${timeoutMs} ms in ${cwd} (a timer or handle it left open keeps it alive; unref or close it):\n${stdout}${stderr}`,
      );
    throw new Error(`${line} failed in ${cwd}:\n${stdout}${stderr}`);
  }
}
