import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, resolve, sep } from "node:path";

/** The types of what a docs build can contain; anything else is sent as bytes. */
const CONTENT_TYPES = new Map([
  [".html", "text/html; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".svg", "image/svg+xml"],
  [".png", "image/png"],
  [".ico", "image/x-icon"],
  [".txt", "text/plain; charset=utf-8"],
]);

/** The file under `root` that `url` names, or null when it names nothing there. */
async function fileFor(/** @type {string} */ root, /** @type {string} */ url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, "http://docs").pathname);
  } catch {
    return null;
  }
  // A decoded `..` or NUL must not reach outside root: resolve, then insist on the prefix.
  if (pathname.includes("\0")) return null;
  const file = resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return fileFor(root, `${pathname.replace(/\/?$/, "/")}index.html`);
  return info?.isFile() ? { file, size: info.size } : null;
}

/**
 * Serves the files under `root` (read on every request, so a rebuild shows at once) on
 * `host:port`; port 0 picks a free one. Resolves once listening, with the URL and a `close`.
 */
export async function startStaticServer(
  /** @type {{ root: string, host?: string, port?: number }} */ { root, host = "127.0.0.1", port = 0 },
) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const found = await fileFor(base, request.url ?? "/");
    if (!found) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": CONTENT_TYPES.get(extname(found.file)) ?? "application/octet-stream",
      "content-length": found.size,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(found.file).pipe(response);
  });
  await new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolveListen(undefined));
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}/`,
    /** Stops listening and drops open keep-alive connections, so the process can exit at once. */
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined));
        server.closeAllConnections();
      }),
  };
}
