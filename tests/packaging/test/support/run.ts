import { execFile, execFileSync } from "node:child_process";

/** What a command was given: a timeout after which it is killed, and environment variables to add. */
export interface RunOptions {
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** The error for a command that failed or had not ended in time, with everything it printed. */
function failure(line: string, cwd: string, timeoutMs: number | undefined, error: unknown): Error {
  const { stdout, stderr, code, killed } = error as { stdout: string; stderr: string; code?: string; killed?: boolean };
  if (code === "ETIMEDOUT" || (killed && timeoutMs !== undefined))
    return new Error(
      `${line} had not ended after ${timeoutMs} ms in ${cwd} (a timer or handle it left open keeps it alive; unref or close it):\n${stdout}${stderr}`,
    );
  return new Error(`${line} failed in ${cwd}:\n${stdout}${stderr}`);
}

/**
 * Runs a command and returns what it printed; on failure the error carries its whole output.
 * With `timeoutMs`, a command still running then is killed and reported as not having ended.
 */
export function run(command: string, args: string[], cwd: string, { timeoutMs, env }: RunOptions = {}): string {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: "pipe",
      timeout: timeoutMs,
      env: { ...process.env, ...env },
    });
  } catch (error) {
    throw failure([command, ...args].join(" "), cwd, timeoutMs, error);
  }
}

/**
 * `run` without blocking this process: for a command that talks to a server running in it.
 */
export function runAsync(command: string, args: string[], cwd: string, { timeoutMs, env }: RunOptions = {}) {
  return new Promise<string>((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, encoding: "utf8", timeout: timeoutMs, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        if (error)
          reject(failure([command, ...args].join(" "), cwd, timeoutMs, Object.assign(error, { stdout, stderr })));
        else resolve(stdout);
      },
    );
  });
}
