import type { StoredParticipant } from "./conference.js";
import { renderParticipant } from "./render-participant.js";

/** Serialized participants by record and prefix: a list page is mostly these strings, joined. */
const serialized = new WeakMap<StoredParticipant, Map<string, string>>();

/** `renderParticipant` as JSON, computed once per record and prefix (records never change). */
export function participantJson(participant: StoredParticipant, prefix: string): string {
  const byPrefix = serialized.get(participant) ?? new Map<string, string>();
  serialized.set(participant, byPrefix);
  const cached = byPrefix.get(prefix);
  if (cached !== undefined) return cached;
  const json = JSON.stringify(renderParticipant(participant, prefix));
  byPrefix.set(prefix, json);
  return json;
}
