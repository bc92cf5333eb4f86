import { verifyLamlSignature } from "@laml/client/webhooks";
import Fastify from "fastify";

/** A Fastify app for conference status callbacks: verifies each raw form body, then hands its fields to onFields. */
export function createCallbackApp(signingKey: string, onFields: (fields: URLSearchParams) => void) {
  const app = Fastify();
  // Keep the form as the text that was signed; verifyLamlSignature parses it.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, body),
  );
  app.post<{ Body: string }>("/conference-events", async (req, reply) => {
    // The URL SignalWire requested. Behind a proxy, use the public URL.
    const url = `${req.protocol}://${req.host}${req.url}`;
    const signature = req.headers["x-signalwire-signature"] ?? req.headers["x-twilio-signature"];
    if (typeof signature !== "string" || !(await verifyLamlSignature(signingKey, signature, url, req.body))) {
      return reply.code(403).send();
    }
    onFields(new URLSearchParams(req.body));
    return reply.code(204).send();
  });
  return app;
}
