import type { ParticipantsResource } from "../resources/participants/participants-resource.js";
import type { BulkOptions, RemoveAllReport } from "./bulk-options.js";
import { forEachParticipant } from "./for-each-participant.js";

/**
 * Removes every participant matching `where` but those in `except`, at most `concurrency` at a
 * time, each under the client's retry policy (a removal is idempotent, so it is retried like a
 * GET). Rejects only when the listing fails, an option is invalid or `signal` aborts.
 */
export async function removeAll(
  participants: Pick<ParticipantsResource, "list" | "remove">,
  conferenceSid: string,
  options: BulkOptions = {},
): Promise<RemoveAllReport> {
  const { done, gone, failed } = await forEachParticipant(
    participants,
    conferenceSid,
    options,
    async (callSid, call) => {
      await participants.remove(conferenceSid, callSid, call);
      return callSid;
    },
  );
  return { removed: done, gone, failed };
}
