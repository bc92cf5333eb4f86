// `pnpm start` after the build: runs the sandbox (demo account) and the docs server side by side
// until Ctrl-C, then exits 0 once both have stopped.
//
// Why not a persistent turbo task: turbo runs each through `pnpm run`, and pnpm prints
// "ELIFECYCLE Command failed" for an interrupted script even when the server stopped cleanly, so a
// newcomer's first Ctrl-C read as a failure. Started here, the two servers get Ctrl-C from the
// terminal themselves (it signals the whole foreground process group) and stop on their own. The
// root script `exec`s this file: a shell left waiting in between would die of the same Ctrl-C,
// and pnpm would report that instead.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { docsPort } from "../../apps/docs/scripts/serve-docs.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The arguments for the sandbox, as `pnpm start -- --live` passes them (pnpm keeps the `--`). */
function passedOn() {
  const args = process.argv.slice(2);
  return args[0] === "--" ? args.slice(1) : args;
}

/** Where the docs server will listen: the docs app's own rule for DOCS_PORT and its default. */
const docsUrl = `http://127.0.0.1:${docsPort()}`;

/**
 * The two servers: the sandbox names the docs in its banner (only here do they run beside it) and
 * gets whatever follows `pnpm start --` (e.g. `--live`).
 */
const servers = [
  { name: "sandbox", args: ["packages/sandbox/bin/laml-sandbox.js", "--demo", "--docs-url", docsUrl, ...passedOn()] },
  { name: "docs", args: ["apps/docs/scripts/serve.mjs"] },
];

const children = servers.map(({ name, args }) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit" });
  const exited = new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`start: could not run the ${name}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  return { name, child, exited };
});

// Ctrl-C reaches the children directly; this process only waits for them. A SIGTERM sent to this
// process alone (a process manager, a test) is passed on, so it never leaves a server behind.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {
  for (const { child } of children) child.kill("SIGTERM");
});

// When one server fails (a busy port, say), stop the other rather than leave it running alone.
for (const { name, exited } of children) {
  exited.then((code) => {
    if (code === 0) return;
    console.error(`start: the ${name} exited with status ${code}; stopping the other server.`);
    for (const other of children) if (other.name !== name) other.child.kill("SIGTERM");
  });
}

const codes = await Promise.all(children.map(({ exited }) => exited));
process.exit(codes.find((code) => code !== 0) ?? 0);
