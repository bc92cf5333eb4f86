import type { Participant } from "@laml/types";
import type { ConferenceEvent } from "./conference-event.js";

/** Why the picture changed: a status callback given to `apply()`, or a re-listing. */
export type RosterChangeReason = "callback" | "reconcile";

/** A participant still in the conference whose fields changed, and which. */
export interface ParticipantChange {
  /** The participant as it is now. */
  participant: Participant;
  /** The fields whose values differ from before, e.g. `["muted"]`. */
  fields: (keyof Participant)[];
}

/** The `detail` of a `change` event: who joined, left or changed, and why. */
export interface RosterChange {
  reason: RosterChangeReason;
  /** Who came in, as now listed. */
  joined: Participant[];
  /** Who went, as last known. */
  left: Participant[];
  /** Who stayed but changed. */
  changed: ParticipantChange[];
  /** The callback that caused the change, when `reason` is `callback`. */
  event?: ConferenceEvent;
}

/** The events a roster dispatches. */
export interface RosterEventMap {
  /** The picture changed; `snapshot()` already shows it. */
  change: CustomEvent<RosterChange>;
  /** A periodic reconcile or a join's fetch failed; `detail` is the error. The roster keeps going. */
  error: CustomEvent<unknown>;
}

type Listener<K extends keyof RosterEventMap> =
  | ((event: RosterEventMap[K]) => void)
  | { handleEvent(event: RosterEventMap[K]): void };

/** A conference's participants, kept true by status callbacks and periodic re-listing. */
export interface Roster extends EventTarget {
  /** The conference this roster follows. */
  readonly conferenceSid: string;
  /**
   * Applies a parsed status callback. Resolves once the picture shows it: after the participant's
   * fetch for a join. Never rejects for a failed fetch (that is an `error` event); rejects once closed.
   */
  apply(event: ConferenceEvent): Promise<void>;
  /** Re-lists the conference and corrects the picture; callbacks applied meanwhile are kept. */
  reconcile(): Promise<void>;
  /** The participants in the conference, in listing (join) order. */
  snapshot(): Participant[];
  /** Stops the periodic reconcile and cancels requests in flight. */
  close(): void;
  addEventListener<K extends keyof RosterEventMap>(
    type: K,
    listener: Listener<K> | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof RosterEventMap>(
    type: K,
    listener: Listener<K> | null,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** The options of `createRoster()`. */
export interface RosterOptions {
  /** How often to re-list the conference, in ms; `0` turns it off. Default 30 000. */
  reconcileEveryMs?: number;
  /** Closes the roster when it aborts, as `close()` does. */
  signal?: AbortSignal;
}
