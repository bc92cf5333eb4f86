/** @import { Server } from "node:http" */
/** @import { AddressInfo } from "node:net" */

/**
 * Starts `server` on 127.0.0.1 with a free port; resolves with its origin and a `close` that
 * also drops keep-alive connections, so a test ends at once.
 * @param {Server} server
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  return {
    origin: `http://127.0.0.1:${/** @type {AddressInfo} */ (server.address()).port}`,
    /** @returns {Promise<void>} */
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
