import type { Participant } from "@laml/types";
import type { StoredParticipant } from "./conference.js";
import { participantsUri } from "./participants-uri.js";

/** A stored participant as the API shows it, its `uri` under the request's prefix (always `.json`, as the API writes it). */
export function renderParticipant(participant: StoredParticipant, prefix: string): Participant {
  const { account_sid, conference_sid, call_sid } = participant;
  return {
    ...participant,
    uri: `${participantsUri(prefix, account_sid, conference_sid, call_sid)}.json`,
  };
}
