import { createServer } from "node:http";
import { listenOnLoopback } from "./listen-on-loopback.mjs";

/**
 * An HTTP proxy on 127.0.0.1 that forwards nothing: it refuses every request (`403`) and every
 * `CONNECT` tunnel. A browser pointed at it (bypassing it for 127.0.0.1) reaches no other host,
 * its own background requests (update checks, Google accounts) included, without a test
 * intercepting its requests (which would also answer its CORS preflights in the page's place).
 */
export async function startRefusingProxy() {
  const server = createServer((_request, response) => {
    response.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("This test reaches no other host\n");
  });
  server.on("connect", (_request, socket) => {
    socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
  });
  return listenOnLoopback(server);
}
