import { createServer, type Server } from "node:http";
import { type ConferenceEvent, LamlSignatureError, parseConferenceEvent } from "@laml/client/webhooks";

/**
 * Serves conference status callbacks with Node's http: each is verified and parsed, then handed
 * to `onEvent`, and answered only once `onEvent` has settled, so the sender's next callback of the
 * conference finds the last one applied.
 */
export function serveConferenceEvents(signingKey: string, onEvent: (event: ConferenceEvent) => Promise<void>): Server {
  return createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk);
    // The URL SignalWire requested. Behind a proxy or tunnel, the public URL would have to be passed as { url }.
    const url = `http://${req.headers.host}${req.url}`;
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    let event: ConferenceEvent;
    try {
      event = await parseConferenceEvent(request, { signingKey });
    } catch (error) {
      // The error names the header read and the URL checked, never the key.
      console.error(`Refused a callback: ${error instanceof Error ? error.message : String(error)}`);
      res.writeHead(error instanceof LamlSignatureError ? 403 : 400).end();
      return;
    }
    await onEvent(event);
    res.writeHead(204).end();
  });
}
