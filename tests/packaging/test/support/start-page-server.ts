import { createServer } from "node:http";
import { listenOnLoopback } from "@laml/test-runtimes/listen-on-loopback";

/** A file the page server answers with, at its path. */
export interface PageFile {
  contentType: string;
  body: string;
}

/**
 * Serves exactly `files` (path to content) on 127.0.0.1 with a free port, every other path a 404,
 * so a browser test names each file its page may load. Resolves once listening.
 */
export async function startPageServer(files: Record<string, PageFile>) {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://page").pathname];
    if (request.method !== "GET" || !file) {
      response
        .writeHead(404, { "content-type": "text/plain; charset=utf-8" })
        .end(`No ${request.method} ${request.url} here\n`);
      return;
    }
    response.writeHead(200, { "content-type": file.contentType, "cache-control": "no-store" }).end(file.body);
  });
  return listenOnLoopback(server);
}
