import { CALLBACK_EVENT_WORDS, type CallbackEventName, type CallbackEventWord } from "./callback-events.js";
import { checkCallbackUrl } from "./check-callback-url.js";

/** A conference's status callback settings, named as the cXML `<Conference>` attributes. */
export interface StatusCallbackOptions {
  /** Where to send the callbacks: loopback only, unless the sandbox allows other hosts. */
  statusCallback?: string;
  /** The events, space-separated, from `start end join leave mute hold speaker`. */
  statusCallbackEvent?: string;
  /** `POST` (the default: the method of the spec's webhook) or `GET`. */
  statusCallbackMethod?: "POST" | "GET";
}

/** A checked subscription: where to send which events, and how. */
export interface CallbackSubscription {
  url: URL;
  events: ReadonlySet<CallbackEventName>;
  method: "POST" | "GET";
}

/** The methods a subscription may use; the first is the spec webhook's own, the default. */
export const CALLBACK_METHODS = ["POST", "GET"] as const;

/**
 * Checks the `statusCallback*` options of a conference. `statusCallbackEvent` is required with
 * `statusCallback`: SignalWire does not document which events a conference without it reports.
 */
export function parseSubscription(
  caller: string,
  options: StatusCallbackOptions,
  allowedHosts: readonly string[],
): CallbackSubscription | undefined {
  const { statusCallback, statusCallbackEvent, statusCallbackMethod = CALLBACK_METHODS[0] } = options;
  if (statusCallback === undefined) {
    if (statusCallbackEvent !== undefined || options.statusCallbackMethod !== undefined) {
      throw new TypeError(`${caller}: statusCallbackEvent and statusCallbackMethod need a statusCallback URL`);
    }
    return undefined;
  }
  const known = Object.keys(CALLBACK_EVENT_WORDS);
  const words = (statusCallbackEvent ?? "").split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    throw new TypeError(
      `${caller}: statusCallbackEvent is required with statusCallback; name events from ${known.join(" ")}`,
    );
  }
  const unknown = words.filter((word) => !known.includes(word));
  if (unknown.length > 0) {
    throw new TypeError(
      `${caller}: statusCallbackEvent has ${unknown.join(", ")}, not an event; use words from ${known.join(" ")}, space-separated`,
    );
  }
  if (!CALLBACK_METHODS.includes(statusCallbackMethod)) {
    throw new TypeError(
      `${caller}: statusCallbackMethod must be ${CALLBACK_METHODS.join(" or ")}, got ${String(statusCallbackMethod)}`,
    );
  }
  let url: URL;
  try {
    url = checkCallbackUrl(statusCallback, allowedHosts);
  } catch (error) {
    throw new TypeError(`${caller}: ${(error as Error).message}`);
  }
  const events = new Set(words.flatMap((word) => CALLBACK_EVENT_WORDS[word as CallbackEventWord]));
  return { url, events, method: statusCallbackMethod };
}
