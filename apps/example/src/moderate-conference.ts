import type { LamlClient, Participant } from "@laml/client";

/**
 * Quiets a conference: lists its participants, mutes everyone not yet muted, then removes one
 * (`removeCallSid`, or else the latest to join), printing each step.
 */
export async function moderateConference(
  laml: LamlClient,
  conferenceSid: string,
  options: { removeCallSid?: string | undefined; print: (line: string) => void },
): Promise<void> {
  const { print } = options;
  // Read everyone first, then change them: the changes cannot disturb the listing.
  const listed: Participant[] = [];
  for await (const participant of laml.participants.list(conferenceSid)) listed.push(participant);
  const count = (test: (p: Participant) => boolean) => listed.filter(test).length;
  print(
    `Conference ${conferenceSid}: ${listed.length} participants, ${count((p) => p.muted)} muted, ${count((p) => p.hold)} on hold`,
  );

  const muted: string[] = [];
  for (const participant of listed.filter((p) => !p.muted)) {
    await laml.participants.update(conferenceSid, participant.call_sid, { Muted: true });
    muted.push(participant.call_sid);
    print(`muted   ${participant.call_sid}`);
  }

  const removed = options.removeCallSid ?? listed.at(-1)?.call_sid;
  if (removed) {
    await laml.participants.remove(conferenceSid, removed);
    print(`removed ${removed}`);
  }
  // Counted from the listing: a removeCallSid that was not listed leaves its count unchanged.
  const remaining = listed.filter((p) => p.call_sid !== removed).length;
  print(`Done: muted ${muted.length}, removed ${removed ? 1 : 0}; ${remaining} remain, all muted.`);
}
