import { createServer } from "node:http";
import { type ConferenceEvent, LamlSignatureError, parseConferenceEvent } from "@laml/client/webhooks";

/** Serves conference status callbacks with Node's http: each is verified, parsed and handed to onEvent. */
export function createCallbackServer(signingKey: string, onEvent: (event: ConferenceEvent) => void) {
  return createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk);
    // The URL SignalWire requested. Behind a proxy or tunnel, pass { url } with the public one instead.
    const url = `http://${req.headers.host}${req.url}`;
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    try {
      onEvent(await parseConferenceEvent(request, { signingKey }));
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(error instanceof LamlSignatureError ? 403 : 400).end();
    }
  });
}
