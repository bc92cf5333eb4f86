import { fork } from "node:child_process";

/**
 * @typedef {object} Child
 * @property {(request: unknown) => Promise<any>} call Sends one request; resolves to the child's answer.
 * @property {() => Promise<void>} close Ends the child and waits for it to exit.
 */

/**
 * Forks one of `src/children/*.mjs` in a fresh `node` process and talks to it over IPC, so each
 * measured library runs alone: no other library's modules, heap or JIT state share its process.
 * @param {string} name The child's file name in `src/children`, without extension.
 * @param {string[]} [execArgv] Node flags, e.g. `--expose-gc`.
 * @returns {Child}
 */
export function startChild(name, execArgv = []) {
  const child = fork(new URL(`./children/${name}.mjs`, import.meta.url), { execArgv, stdio: "inherit" });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  /** @type {Array<{ resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const waiting = [];
  child.on("message", (/** @type {{ ok: boolean, value?: unknown, error?: string }} */ answer) => {
    const next = waiting.shift();
    if (answer.ok) next?.resolve(answer.value);
    else next?.reject(new Error(`${name}: ${answer.error}`));
  });
  child.once("exit", (code) => {
    for (const next of waiting.splice(0)) next.reject(new Error(`${name} exited with code ${code} before answering.`));
  });
  return {
    call: (request) =>
      new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.send(/** @type {import("node:child_process").Serializable} */ (request));
      }),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
