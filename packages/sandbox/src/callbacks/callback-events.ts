/**
 * The words of the cXML `statusCallbackEvent` attribute and the `StatusCallbackEvent` values
 * each subscribes to, as the spec's `ConferenceEventName` description pairs them (a test pins
 * this table to that description and to the spec's list of event names).
 */
export const CALLBACK_EVENT_WORDS = {
  start: ["conference-start"],
  end: ["conference-end"],
  join: ["participant-join"],
  leave: ["participant-leave"],
  mute: ["participant-mute", "participant-unmute"],
  hold: ["participant-hold", "participant-unhold"],
  speaker: ["participant-speech-start", "participant-speech-stop"],
} as const;

/** One word of `statusCallbackEvent`. */
export type CallbackEventWord = keyof typeof CALLBACK_EVENT_WORDS;

/** A `StatusCallbackEvent` value the sandbox can subscribe to. */
export type CallbackEventName = (typeof CALLBACK_EVENT_WORDS)[CallbackEventWord][number];

/**
 * The words the sandbox has something to send for: it has no audio, so no one ever speaks and
 * `speaker` is accepted but never sends anything.
 */
export const SANDBOX_EVENT_WORDS: readonly CallbackEventWord[] = ["start", "end", "join", "leave", "mute", "hold"];
