import type { Participant } from "@laml/types";
import type { StoredParticipant } from "../state/conference.js";
import { JSON_SUFFIX, participantsUri } from "./participants-uri.js";

/** A stored participant as the API shows it, its `uri` under the request's prefix (always `.json`, as the API writes it). */
export function renderParticipant(participant: StoredParticipant, prefix: string): Participant {
  const { account_sid, conference_sid, call_sid } = participant;
  return {
    ...participant,
    uri: `${participantsUri(prefix, account_sid, conference_sid, call_sid)}${JSON_SUFFIX}`,
  };
}

/** Encoded participants by record and prefix: a list page is mostly these bytes, joined. */
const encoded = new WeakMap<StoredParticipant, Map<string, Buffer>>();

/**
 * `renderParticipant` as UTF-8 JSON, encoded once per record and prefix (records never
 * change). Pages copy these bytes instead of serialising and encoding every participant per request.
 */
export function participantBytes(participant: StoredParticipant, prefix: string): Buffer {
  let byPrefix = encoded.get(participant);
  if (!byPrefix) {
    byPrefix = new Map();
    encoded.set(participant, byPrefix);
  }
  const cached = byPrefix.get(prefix);
  if (cached !== undefined) return cached;
  const bytes = Buffer.from(JSON.stringify(renderParticipant(participant, prefix)));
  byPrefix.set(prefix, bytes);
  return bytes;
}
