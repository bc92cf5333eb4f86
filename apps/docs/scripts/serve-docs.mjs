import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startStaticServer } from "./start-static-server.mjs";

/** Where `build` writes the docs. */
export const distDir = fileURLToPath(new URL("../dist", import.meta.url));

/** The port from DOCS_PORT (default 4011), refused with a fix when it is not a port number. */
export function docsPort() {
  const value = process.env.DOCS_PORT ?? "4011";
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new Error(`DOCS_PORT must be a port number from 0 to 65535, not "${value}"`);
  }
  return port;
}

/**
 * Serves dist/ on 127.0.0.1 at DOCS_PORT (or 4011), prints the URL, and on Ctrl-C (SIGINT) or
 * SIGTERM runs `onStop`, closes the server and exits 0.
 */
export async function serveDocs(/** @type {{ onStop?: () => void }} */ { onStop } = {}) {
  if (!existsSync(`${distDir}/index.html`)) {
    throw new Error(`${distDir}/index.html does not exist: run \`pnpm --filter docs build\` first`);
  }
  const port = docsPort();
  const server = await startStaticServer({ root: distDir, port }).catch(
    (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code !== "EADDRINUSE") throw error;
      throw new Error(`port ${port} on 127.0.0.1 is in use: stop what uses it or set DOCS_PORT to another port`);
    },
  );
  const stop = async () => {
    onStop?.();
    await server.close();
    process.exit(0);
  };
  // Before the URL is printed: whoever reads it may send SIGINT at once, and a signal that comes
  // with no handler yet kills the process instead of stopping it.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console.log(`docs: ${server.url}`);
  return server;
}
