import type { ConferenceStatusCallback } from "@laml/types";
import type { Conference, ConferenceChange, StoredParticipant } from "../state/conference.js";
import { formatRfc2822 } from "../state/format-rfc2822.js";
import type { CallbackEventName } from "./callback-events.js";

/** One callback to send: its event and its form fields, as text (the wire's form). */
export interface CallbackMessage {
  event: CallbackEventName;
  /** The participant it is about, for participant events. */
  callSid: string | undefined;
  fields: [keyof ConferenceStatusCallback & string, string][];
}

/**
 * The callbacks a change sends, with the spec's `ConferenceStatusCallback` fields: the
 * conference's on every one, the participant's on participant events, `Duration` (seconds since
 * the start) on `conference-end`. The sandbox has no calls, so `From`, `To`, `Direction` and
 * the recording fields are left out, as the schema allows. An update that changes both `Muted`
 * and `Hold` sends the mute event first.
 */
export function callbackMessages(
  conference: Conference,
  change: ConferenceChange,
  nowMs: number,
  apiVersion: string,
): CallbackMessage[] {
  const common = (event: CallbackEventName): CallbackMessage["fields"] => [
    ["AccountSid", conference.accountSid],
    ["ApiVersion", apiVersion],
    ["ConferenceSid", conference.sid],
    ["FriendlyName", conference.friendlyName],
    ["StatusCallbackEvent", event],
    ["Timestamp", formatRfc2822(nowMs)],
  ];
  const about = (event: CallbackEventName, p: StoredParticipant): CallbackMessage => ({
    event,
    callSid: p.call_sid,
    fields: [
      ...common(event),
      ["CallSid", p.call_sid],
      // The call is live until it leaves, as the spec's examples show.
      ["CallStatus", event === "participant-leave" ? "completed" : "in-progress"],
      ["EndConferenceOnExit", String(p.end_conference_on_exit)],
      ["Hold", String(p.hold)],
      ["Muted", String(p.muted)],
      ["StartConferenceOnEnter", String(p.start_conference_on_enter)],
    ],
  });
  switch (change.kind) {
    case "start":
      return [{ event: "conference-start", callSid: undefined, fields: common("conference-start") }];
    case "end": {
      const seconds = Math.max(0, Math.floor((nowMs - (conference.startedMs ?? nowMs)) / 1000));
      return [
        {
          event: "conference-end",
          callSid: undefined,
          fields: [...common("conference-end"), ["Duration", `${seconds}`]],
        },
      ];
    }
    case "join":
      return [about("participant-join", change.participant)];
    case "leave":
      return [about("participant-leave", change.participant)];
    case "update": {
      const { before, after } = change;
      const messages: CallbackMessage[] = [];
      if (before.muted !== after.muted)
        messages.push(about(after.muted ? "participant-mute" : "participant-unmute", after));
      if (before.hold !== after.hold)
        messages.push(about(after.hold ? "participant-hold" : "participant-unhold", after));
      return messages;
    }
  }
}
