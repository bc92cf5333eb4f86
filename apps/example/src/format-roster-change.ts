import type { Participant } from "@laml/client";
import type { RosterChange } from "@laml/client/roster";

/** One participant's flags, as the roster now has them. */
export function formatFlags(participant: Participant): string {
  return `muted=${participant.muted} hold=${participant.hold}`;
}

/**
 * The lines that report one change of the roster, one per participant: `joined`, `left` or
 * `changed`, the call, its flags, and why (the callback's event, or a reconcile).
 */
export function formatRosterChange({ reason, event, joined, left, changed }: RosterChange): string[] {
  const why = event ? `${reason}: ${event.StatusCallbackEvent}` : reason;
  return [
    ...joined.map((p) => `joined  ${p.call_sid} ${formatFlags(p)} (${why})`),
    ...left.map((p) => `left    ${p.call_sid} (${why})`),
    ...changed.map(
      ({ participant: p, fields }) => `changed ${p.call_sid} ${formatFlags(p)} (${why}; ${fields.join(", ")})`,
    ),
  ];
}
