import type { Participant } from "@laml/types";
import type { LamlClient } from "../create-laml-client.js";
import { isParticipantGone } from "../errors/is-participant-gone.js";
import { changedFields } from "./changed-fields.js";
import type { ConferenceEvent } from "./conference-event.js";
import { eventTime } from "./event-time.js";
import { FLAG_PATCHES } from "./flag-patches.js";
import type { Roster, RosterChange, RosterChangeReason } from "./roster.js";

/** What the roster knows of one call, in the conference or not. */
interface Entry {
  /** The participant while in the conference; undefined once left, or while its join is fetched. */
  participant?: Participant;
  /** The newest time known of this call (callback `Timestamp`s, listed `date_updated`), in ms. */
  at: number;
  /** The arrival number of the last callback applied to it; 0 for none. */
  seq: number;
  /** The callbacks applied to it, so a duplicate is ignored even after newer ones. */
  seen: Set<string>;
  /** The join's fetch in flight. Whoever replaces it (a leave, the end, a re-listing) cancels its result. */
  joining?: Promise<void>;
  /** Flag callbacks that arrived during the join's fetch, laid over what it returns. */
  pending?: { patch: Partial<Participant>; at: number }[];
}

const noop = () => {};
/** The newer of two times; a NaN (an unreadable time) adds nothing to what is known. */
const later = (known: number, at: number) => (Number.isNaN(at) ? known : Math.max(known, at));

/** The roster behind `createRoster()`. */
export class LiveRoster extends EventTarget implements Roster {
  #entries = new Map<string, Entry>();
  #seq = 0;
  /** When the conference ended (`conference-end`): older callbacks of calls not seen are ignored. */
  #endedAt = Number.NEGATIVE_INFINITY;
  #running?: Promise<void>;
  #queued?: Promise<void>;
  #timer?: ReturnType<typeof setInterval>;
  readonly #stop = new AbortController();

  constructor(
    private readonly laml: Pick<LamlClient, "participants">,
    readonly conferenceSid: string,
    signal?: AbortSignal,
  ) {
    super();
    signal?.addEventListener("abort", () => this.close(), { once: true, signal: this.#stop.signal });
  }

  /** Re-lists every `ms` (when above 0) in the background, reporting failures as `error` events. */
  start(ms: number): void {
    if (ms <= 0 || this.#stop.signal.aborted) return;
    this.#timer = setInterval(() => {
      if (this.#running) return;
      this.reconcile().catch((error: unknown) => {
        if (!this.#stop.signal.aborted) this.dispatchEvent(new CustomEvent("error", { detail: error }));
      });
    }, ms);
    // A roster must not keep a Node process alive; browsers' timers are numbers without unref.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  apply(event: ConferenceEvent): Promise<void> {
    if (this.#stop.signal.aborted) return Promise.reject(closed());
    const { StatusCallbackEvent: kind, CallSid: callSid, ConferenceSid } = event;
    if (ConferenceSid !== this.conferenceSid) return Promise.resolve();
    const at = eventTime(event.Timestamp);
    if (kind === "conference-end") {
      this.#end(event, at);
      return Promise.resolve();
    }
    const patch = FLAG_PATCHES.get(kind);
    const joinOrLeave = kind === "participant-join" || kind === "participant-leave";
    if (!callSid || !(patch || joinOrLeave)) return Promise.resolve();

    const entry = this.#entries.get(callSid);
    const key = `${kind} ${event.Timestamp}`;
    if (entry?.seen.has(key)) return Promise.resolve();
    // Older than what is known of this call (ties apply in arrival order), or before the end.
    if (at < (entry?.at ?? this.#endedAt)) return Promise.resolve();
    const known = entry ?? { at: Number.NEGATIVE_INFINITY, seq: 0, seen: new Set<string>() };
    known.seen.add(key);
    known.seq = ++this.#seq;
    known.at = later(known.at, at);
    this.#entries.set(callSid, known);

    if (kind === "participant-join") return this.#join(known, callSid, event);
    const { participant } = known;
    if (kind === "participant-leave") {
      known.participant = known.joining = known.pending = undefined;
      if (participant) this.#emit("callback", { left: [participant] }, event);
    } else if (known.joining) {
      known.pending?.push({ patch: patch ?? {}, at });
    } else if (participant) {
      // (A flag for a call not known to be in the conference, its join lost, waits for a reconcile.)
      known.participant = { ...participant, ...patch };
      const fields = changedFields(participant, known.participant);
      if (fields.length) this.#emit("callback", { changed: [{ participant: known.participant, fields }] }, event);
    }
    return Promise.resolve();
  }

  reconcile(): Promise<void> {
    if (this.#stop.signal.aborted) return Promise.reject(closed());
    // A reconcile asked for during another starts after it, so it lists what is there now; asks
    // made meanwhile share it.
    if (this.#queued) return this.#queued;
    const previous = this.#running;
    const run: Promise<void> = (previous ? previous.catch(noop) : Promise.resolve())
      .then(() => {
        if (this.#queued === run) this.#queued = undefined;
        return this.#relist();
      })
      .finally(() => {
        if (this.#running === run) this.#running = undefined;
      });
    this.#running = run;
    if (previous) this.#queued = run;
    return run;
  }

  snapshot(): Participant[] {
    return [...this.#entries.values()].flatMap(({ participant }) => (participant ? [participant] : []));
  }

  close(): void {
    clearInterval(this.#timer);
    this.#stop.abort(closed());
  }

  /** Fetches a joining participant, unless it is in already or being fetched. */
  #join(entry: Entry, callSid: string, event: ConferenceEvent): Promise<void> {
    if (entry.participant) return Promise.resolve();
    if (entry.joining) return entry.joining;
    entry.pending = [];
    const joining: Promise<void> = this.laml.participants
      .get(this.conferenceSid, callSid, { signal: this.#stop.signal })
      .then(
        (fetched) => {
          const now = this.#entries.get(callSid);
          // A leave, the end or a re-listing came after this join: theirs is the newer word.
          if (now?.joining !== joining) return;
          const seenAt = eventTime(fetched.date_updated);
          // Flag callbacks that arrived meanwhile, unless the fetched state is newer than them.
          const meanwhile = (now.pending ?? []).filter(({ at }) => !(at < seenAt)).map(({ patch }) => patch);
          const participant: Participant = Object.assign({ ...fetched }, ...meanwhile);
          now.joining = now.pending = undefined;
          now.at = later(now.at, seenAt);
          // Join order: a call that comes back goes to the end.
          this.#entries.delete(callSid);
          this.#entries.set(callSid, { ...now, participant });
          this.#emit("callback", { joined: [participant] }, event);
        },
        (error: unknown) => {
          const now = this.#entries.get(callSid);
          if (now?.joining === joining) now.joining = now.pending = undefined;
          // 404, not found: the participant has already left; there is nobody to add.
          if (isParticipantGone(error) || this.#stop.signal.aborted) return;
          this.dispatchEvent(new CustomEvent("error", { detail: error }));
        },
      );
    entry.joining = joining;
    return joining;
  }

  #end(event: ConferenceEvent, at: number): void {
    this.#endedAt = later(this.#endedAt, at);
    const left: Participant[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.participant) left.push(entry.participant);
      entry.participant = entry.joining = entry.pending = undefined;
      entry.seq = ++this.#seq;
      entry.at = later(entry.at, at);
    }
    if (left.length) this.#emit("callback", { left }, event);
  }

  /** Lists the conference and takes the listing, except where a callback applied during it is newer. */
  async #relist(): Promise<void> {
    const mark = this.#seq;
    const listed: Participant[] = [];
    for await (const p of this.laml.participants.list(this.conferenceSid, { signal: this.#stop.signal }))
      listed.push(p);

    const before = this.#entries;
    const next = new Map<string, Entry>();
    const change: Required<Pick<RosterChange, "joined" | "left" | "changed">> = { joined: [], left: [], changed: [] };
    const touchedSince = (entry: Entry | undefined) => (entry?.seq ?? 0) > mark;
    for (const participant of listed) {
      const entry = before.get(participant.call_sid);
      const seenAt = eventTime(participant.date_updated);
      // A callback that arrived while listing is newer than the listing, unless the listing's
      // date_updated says otherwise.
      if (entry && touchedSince(entry) && !(seenAt > entry.at)) {
        next.set(participant.call_sid, entry);
        continue;
      }
      const at = later(entry?.at ?? Number.NEGATIVE_INFINITY, seenAt);
      next.set(participant.call_sid, { participant, at, seq: entry?.seq ?? 0, seen: entry?.seen ?? new Set() });
      const was = entry?.participant;
      if (!was) change.joined.push(participant);
      else {
        const fields = changedFields(was, participant);
        if (fields.length) change.changed.push({ participant, fields });
      }
    }
    for (const [callSid, entry] of before) {
      if (next.has(callSid)) continue;
      if (touchedSince(entry)) next.set(callSid, entry);
      else {
        // Not listed: gone. What is known of it stays, so older callbacks are still ignored.
        if (entry.participant) change.left.push(entry.participant);
        next.set(callSid, { at: entry.at, seq: entry.seq, seen: entry.seen });
      }
    }
    this.#entries = next;
    this.#emit("reconcile", change);
  }

  #emit(reason: RosterChangeReason, change: Partial<RosterChange>, event?: ConferenceEvent): void {
    const detail: RosterChange = { reason, joined: [], left: [], changed: [], ...change, ...(event && { event }) };
    if (detail.joined.length || detail.left.length || detail.changed.length) {
      this.dispatchEvent(new CustomEvent("change", { detail }));
    }
  }
}

/** Why a closed roster refuses work. */
const closed = () =>
  new DOMException(
    "This roster is closed: create a new one with createRoster() to follow the conference again.",
    "InvalidStateError",
  );
