import { type ConferenceEvent, LamlSignatureError, parseConferenceEvent } from "@laml/client/webhooks";

// The project's Signing Key, from the API Credentials page of your Space (not the API token).
const signingKey = process.env.SIGNALWIRE_SIGNING_KEY ?? "";

/** A fetch-style handler (Bun.serve, Deno.serve, a worker's fetch) for the conference's statusCallback URL. */
export async function handleConferenceEvent(request: Request): Promise<Response> {
  let event: ConferenceEvent;
  try {
    // Checks X-SignalWire-Signature against the URL requested; behind a proxy, pass { url } with the public one.
    event = await parseConferenceEvent(request, { signingKey });
  } catch (error) {
    if (error instanceof LamlSignatureError) return new Response(null, { status: 403 });
    throw error;
  }
  if (event.StatusCallbackEvent === "participant-mute") console.log(event.CallSid, "muted:", event.Muted);
  return new Response(null, { status: 204 });
}
