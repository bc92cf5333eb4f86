import { createLamlClient, LamlApiError } from "@laml/client";

// Reads SIGNALWIRE_SPACE_URL, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN.
const laml = createLamlClient();
const conferenceSid = "8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c";
const callSid = "5d1c9f0e-7a2b-4c3d-8e9f-0a1b2c3d4e5f";

try {
  const participant = await laml.participants.get(conferenceSid, callSid);
  console.log(participant.muted ? "muted" : "unmuted", participant.hold ? "on hold" : "");
} catch (error) {
  // A participant who has left the conference answers 404 with code 20404.
  if (!(error instanceof LamlApiError) || error.status !== 404) throw error;
  console.log(`not in the conference (${error.code}: ${error.message})`);
}
