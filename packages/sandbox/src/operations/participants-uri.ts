import type { ParticipantPath, ParticipantsPath } from "@laml/types";

/** The suffix every path is also served with, and that a participant's `uri` always carries. */
export const JSON_SUFFIX = ".json";

/** The spec's two paths, typed by @laml/types so that a change to them fails to compile here. */
export const PARTICIPANTS_PATH: ParticipantsPath = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants";
const PARTICIPANT_PATH: ParticipantPath = `${PARTICIPANTS_PATH}/{CallSid}`;

/**
 * The form a request used, which the URIs of its response repeat: the path prefix
 * (`/api/laml/2010-04-01` or `/2010-04-01`) and whether the path ended in `.json`.
 */
export interface RequestView {
  prefix: string;
  json: boolean;
}

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
