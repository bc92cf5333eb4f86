import type { Participant, ParticipantPage } from "@laml/types";
import { createLamlClient, type LamlClientOptions } from "../../src/index.js";

export const PROJECT_ID = "446e9986-0848-4d46-a617-48793c5f5e07";
/** A token shaped like SignalWire's; tests assert it never shows up where it must not. */
export const API_TOKEN = "PT7c1d4e0b9a8f6e5d4c3b2a1908f7e6d5c4b3a2918e7d6c5b";
export const CONFERENCE_SID = "8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c";
export const CALL_SID = "5d1c9f0e-7a2b-4c3d-8e9f-0a1b2c3d4e5f";
export const SPACE_URL = "https://example.signalwire.com";
export const API_ROOT = `${SPACE_URL}/api/laml/2010-04-01`;
/** The collection's path as the API writes it in `uri` and `next_page_uri`. */
export const PARTICIPANTS_PATH = `/api/laml/2010-04-01/Accounts/${PROJECT_ID}/Conferences/${CONFERENCE_SID}/Participants`;

/** Participant number `n` of the test conference (typed by the spec, so fields cannot drift). */
export function participant(n: number, fields: Partial<Participant> = {}): Participant {
  const callSid = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    account_sid: PROJECT_ID,
    call_sid: callSid,
    conference_sid: CONFERENCE_SID,
    date_created: "Tue, 24 Nov 2026 21:00:00 +0000",
    date_updated: "Tue, 24 Nov 2026 21:00:00 +0000",
    hold: false,
    muted: true,
    status: "in-progress",
    uri: `${PARTICIPANTS_PATH}/${callSid}.json`,
    ...fields,
  };
}

/** A page envelope holding `participants`, pointing at `next` (a URI, or null on the last page). */
export function page(participants: Participant[], next: string | null, index = 0): ParticipantPage {
  return {
    uri: `${PARTICIPANTS_PATH}?Page=${index}`,
    first_page_uri: `${PARTICIPANTS_PATH}?Page=0`,
    next_page_uri: next,
    previous_page_uri: index ? `${PARTICIPANTS_PATH}?Page=${index - 1}` : null,
    page: index,
    page_size: 50,
    participants,
  };
}

/** The URI of page `index` as the API would write it: the filters and a cursor carried forward. */
export function nextUri(index: number, query = ""): string {
  return `${PARTICIPANTS_PATH}?${query}Page=${index}&PageToken=PA${participant(index * 10).call_sid}`;
}

/** A client of the test space whose requests go to `fetch`. */
export function testClient(fetch: (request: Request) => Promise<Response>, options: LamlClientOptions = {}) {
  return createLamlClient({ spaceUrl: SPACE_URL, projectId: PROJECT_ID, apiToken: API_TOKEN, fetch, ...options });
}

/** An update the API must not receive twice: `AnnounceUrl` plays again (not `x-laml-idempotent`). */
export const ANNOUNCE = { Muted: false, AnnounceUrl: "https://example.com/notice.xml" } as const;
