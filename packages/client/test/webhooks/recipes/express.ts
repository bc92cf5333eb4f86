import { verifyLamlSignature } from "@laml/client/webhooks";
import express, { type Express } from "express";

/** An Express app for conference status callbacks: verifies each form, then hands its fields to onFields. */
export function createCallbackApp(signingKey: string, onFields: (fields: Record<string, string>) => void): Express {
  const app = express();
  app.post("/conference-events", express.urlencoded({ extended: false }), async (req, res) => {
    // The URL SignalWire requested. Behind a proxy, use the public URL (or `app.set("trust proxy", …)`).
    const url = `${req.protocol}://${req.get("host")}${req.originalUrl}`;
    const signature = req.get("X-SignalWire-Signature") ?? req.get("X-Twilio-Signature");
    if (!(await verifyLamlSignature(signingKey, signature, url, req.body))) {
      res.sendStatus(403);
      return;
    }
    onFields(req.body);
    res.sendStatus(204);
  });
  return app;
}
