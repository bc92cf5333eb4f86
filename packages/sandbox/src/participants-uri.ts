import type { ParticipantPath, ParticipantsPath } from "@laml/types";

/** The spec's two paths, typed by @laml/types so that a change to them fails to compile here. */
export const PARTICIPANTS_PATH: ParticipantsPath = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants";
const PARTICIPANT_PATH: ParticipantPath = `${PARTICIPANTS_PATH}/{CallSid}`;

/** A conference's participants list under `prefix`, or one participant's resource when `callSid` is given. */
export function participantsUri(prefix: string, accountSid: string, conferenceSid: string, callSid?: string): string {
  const params: Record<string, string | undefined> = {
    AccountSid: accountSid,
    ConferenceSid: conferenceSid,
    CallSid: callSid,
  };
  const template = callSid === undefined ? PARTICIPANTS_PATH : PARTICIPANT_PATH;
  return prefix + template.replace(/\{(\w+)\}/g, (_, name: string) => `${params[name]}`);
}
