import type { UpdateParticipantBody } from "@laml/types";
import type { ParticipantsResource } from "../resources/participants/participants-resource.js";
import type { BulkOptions, UpdateAllReport } from "./bulk-options.js";
import { forEachParticipant } from "./for-each-participant.js";

/**
 * Applies one update (e.g. `{ Muted: true }`) to every participant matching `where` but those in
 * `except`, at most `concurrency` at a time, each under the client's retry policy (429s always;
 * 5xx, network errors and timeouts only when every field sent is idempotent). Rejects only when
 * the listing fails, an option is invalid or `signal` aborts; per-participant outcomes are in the report.
 */
export async function updateAll(
  participants: Pick<ParticipantsResource, "list" | "update">,
  conferenceSid: string,
  body: UpdateParticipantBody,
  options: BulkOptions = {},
): Promise<UpdateAllReport> {
  const { done, gone, failed } = await forEachParticipant(participants, conferenceSid, options, (callSid, call) =>
    participants.update(conferenceSid, callSid, body, call),
  );
  return { updated: done, gone, failed };
}
