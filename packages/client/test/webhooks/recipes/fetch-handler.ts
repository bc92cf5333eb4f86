import { LamlSignatureError, parseConferenceEvent } from "@laml/client/webhooks";

/** A fetch-style handler, for Bun.serve, Deno.serve, a worker's fetch or any server built on Request. */
export async function handleConferenceEvent(request: Request, signingKey: string): Promise<Response> {
  try {
    const event = await parseConferenceEvent(request, { signingKey });
    if (event.StatusCallbackEvent === "participant-mute") console.log(event.CallSid, "muted:", event.Muted);
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof LamlSignatureError) return new Response(null, { status: 403 });
    throw error;
  }
}
