// A bare node:http server that answers every request with the same bytes: the upper bound a
// Node server can reach for this response on this machine.
import { createServer } from "node:http";
import { answerParent } from "../answer-parent.mjs";

answerParent(
  /** @param {{ body: string, contentType: string }} request */
  async ({ body, contentType }) => {
    const bytes = Buffer.from(body);
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": contentType, "content-length": bytes.length });
      res.end(bytes);
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("The bare server has no TCP address.");
    return { url: `http://127.0.0.1:${address.port}/` };
  },
);
