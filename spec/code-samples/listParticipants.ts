import { createLamlClient } from "@laml/client";

// Reads SIGNALWIRE_SPACE_URL, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN.
const laml = createLamlClient();
const conferenceSid = "8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c";

// Every muted participant: the client follows next_page_uri until it is null.
for await (const participant of laml.participants.list(conferenceSid, { Muted: true })) {
  console.log(participant.call_sid, participant.status);
}

// Whole pages, for batch work.
for await (const page of laml.participants.pages(conferenceSid, { PageSize: 200 })) {
  console.log(`page ${page.page}: ${page.participants.length} participants`);
}
