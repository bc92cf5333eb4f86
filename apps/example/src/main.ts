#!/usr/bin/env node
import { createLamlClient, LamlApiError } from "@laml/client";
import { moderateConference } from "./moderate-conference.js";

// Mutes everyone in a conference and removes one participant, against a real space or the
// sandbox, configured as a real deployment would be: SIGNALWIRE_SPACE_URL,
// SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN, plus the conference to moderate.

const USAGE = `Usage: node dist/main.js [ConferenceSid] [CallSidToRemove]
  ConferenceSid    the conference to moderate (default: $CONFERENCE_SID)
  CallSidToRemove  who to remove (default: $REMOVE_CALL_SID, else the latest to join)
Reads SIGNALWIRE_SPACE_URL, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN.`;

const [conferenceSid = process.env.CONFERENCE_SID, removeCallSid = process.env.REMOVE_CALL_SID] = process.argv.slice(2);
if (!conferenceSid) {
  console.error(`Which conference? Pass its SID or set CONFERENCE_SID.\n\n${USAGE}`);
  process.exit(2);
}

try {
  const laml = createLamlClient();
  await moderateConference(laml, conferenceSid, { removeCallSid, print: (line) => console.log(line) });
} catch (error) {
  // The client's messages say what failed and what to check; they never hold the token.
  console.error(error instanceof LamlApiError ? `The API refused: ${error.message}` : String(error));
  process.exitCode = 1;
}
