import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Starts `server` on 127.0.0.1 with a free port; resolves with its origin and a `close` that
 * also drops keep-alive connections, so a test ends at once.
 */
export async function listenOnLoopback(server: Server) {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
