import type { Participant } from "@laml/types";
import type { CallbackSubscription } from "../callbacks/parse-subscription.js";

/**
 * A participant as stored: its fields except `uri`, which depends on how it is asked for.
 * Never changed in place: an update stores a new object, so caches keyed by it stay right.
 */
export type StoredParticipant = Readonly<Omit<Participant, "uri">>;

/** A conference's states in the sandbox: one taking changes, and one that has ended. */
export const CONFERENCE_STATUSES = ["in-progress", "completed"] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

/**
 * Where a participant sits in the conference's listing order: by join time, then by join
 * sequence. The key never changes, and a departed participant keeps its key, so a cursor that
 * names them still marks the same place.
 */
interface OrderKey {
  joinedMs: number;
  seq: number;
}

interface Entry {
  key: OrderKey;
  participant: StoredParticipant;
}

/** Which participants a page holds: those that match (all by default), from where the page starts. */
export interface PageRequest {
  size: number;
  matches?: (participant: StoredParticipant) => boolean;
  /** Where the page starts; one of these. */
  from: { after: string } | { before: string } | { skip: number };
}

/** One page of participants and whether matching participants lie on either side of it. */
export interface PageSlice {
  participants: StoredParticipant[];
  more: { before: boolean; after: boolean };
}

/** What changed in a conference, in the order it happened: what status callbacks report. */
export type ConferenceChange =
  | { kind: "join" | "leave"; participant: StoredParticipant }
  | { kind: "update"; before: StoredParticipant; after: StoredParticipant }
  | { kind: "start" | "end" };

/** What a conference reports to, and its clock (for when it started). */
export interface ConferenceHooks {
  now: () => number;
  /** Called with each change of an in-progress conference, as it happens. */
  onChange: (conference: Conference, change: ConferenceChange) => void;
}

/** A conference's state: its participants in a stable listing order. */
export class Conference {
  /** In listing order. */
  readonly #entries: Entry[] = [];
  readonly #byCallSid = new Map<string, Entry>();
  readonly #departed = new Map<string, OrderKey>();
  #seq = 0;
  #startedMs: number | undefined;

  constructor(
    readonly sid: string,
    readonly accountSid: string,
    readonly friendlyName: string,
    public status: ConferenceStatus,
    readonly hooks?: ConferenceHooks,
    /** Where its status callbacks go, if it has any. */
    readonly subscription?: CallbackSubscription,
  ) {}

  /** When the conference started (its first participant with `start_conference_on_enter` joined). */
  get startedMs(): number | undefined {
    return this.#startedMs;
  }

  /**
   * Adds a participant; `joinedMs` orders it (participants usually join at the end). The first
   * participant with `start_conference_on_enter` starts the conference, as the cXML attribute of
   * that name says.
   */
  join(participant: StoredParticipant, joinedMs: number): void {
    if (this.knows(participant.call_sid)) {
      throw new Error(`call_sid ${participant.call_sid} has already been in conference ${this.sid}`);
    }
    const entry = { key: { joinedMs, seq: this.#seq++ }, participant };
    this.#entries.splice(this.#indexOf(entry.key), 0, entry);
    this.#byCallSid.set(participant.call_sid, entry);
    this.#emit({ kind: "join", participant });
    if (this.status === "in-progress" && this.#startedMs === undefined && participant.start_conference_on_enter) {
      this.#startedMs = this.hooks?.now() ?? Date.now();
      this.#emit({ kind: "start" });
    }
  }

  /**
   * Removes a participant; their place stays known so cursors naming them keep working. When the
   * participant has `end_conference_on_exit`, the conference ends: everyone else leaves (in
   * listing order) and it is `completed`.
   */
  leave(callSid: string): boolean {
    const entry = this.#byCallSid.get(callSid);
    if (!entry) return false;
    this.#remove(entry);
    if (entry.participant.end_conference_on_exit && this.status === "in-progress") {
      for (const other of [...this.#entries]) this.#remove(other);
      this.#emit({ kind: "end" });
      this.status = "completed";
    }
    return true;
  }

  #remove(entry: Entry): void {
    const callSid = entry.participant.call_sid;
    this.#entries.splice(this.#indexOf(entry.key), 1);
    this.#byCallSid.delete(callSid);
    this.#departed.set(callSid, entry.key);
    this.#emit({ kind: "leave", participant: entry.participant });
  }

  /** Reports a change; a completed conference has nothing left to report. */
  #emit(change: ConferenceChange): void {
    if (this.status === "in-progress") this.hooks?.onChange(this, change);
  }

  /** The participant with this call SID, if present. */
  get(callSid: string): StoredParticipant | undefined {
    return this.#byCallSid.get(callSid)?.participant;
  }

  /** Changes a participant's fields (not its identity) and returns the new record. */
  update(callSid: string, changes: Partial<Omit<StoredParticipant, "call_sid">>): StoredParticipant {
    const entry = this.#byCallSid.get(callSid);
    if (!entry) throw new Error(`call_sid ${callSid} is not in conference ${this.sid}`);
    const before = entry.participant;
    entry.participant = { ...before, ...changes };
    this.#emit({ kind: "update", before, after: entry.participant });
    return entry.participant;
  }

  /** Every participant, in listing order. */
  all(): StoredParticipant[] {
    return this.#entries.map((e) => e.participant);
  }

  /** Whether a cursor may name this call SID: a participant who is or was here. */
  knows(callSid: string): boolean {
    return this.#byCallSid.has(callSid) || this.#departed.has(callSid);
  }

  /** Reads one page. A cursor must name a participant this conference `knows`. */
  page({ size, matches: test, from }: PageRequest): PageSlice {
    const entries = this.#entries;
    const matches = test ? (i: number) => test((entries[i] as Entry).participant) : () => true;
    const picked: number[] = [];
    if ("before" in from) {
      // The `size` matches just before the cursor, found backwards, then put back in order.
      for (let i = this.#indexOf(this.#keyOf(from.before)) - 1; i >= 0 && picked.length < size; i--) {
        if (matches(i)) picked.unshift(i);
      }
    } else {
      let skip = "skip" in from ? from.skip : 0;
      let i = "after" in from ? this.#indexOf(this.#keyOf(from.after), true) : 0;
      for (; i < entries.length && picked.length < size; i++) {
        if (!matches(i)) continue;
        if (skip > 0) skip--;
        else picked.push(i);
      }
    }
    const any = (from: number, to: number) => {
      for (let i = from; i < to; i++) if (matches(i)) return true;
      return false;
    };
    const first = picked[0];
    const last = picked[picked.length - 1];
    return {
      participants: picked.map((i) => (entries[i] as Entry).participant),
      more: {
        before: first !== undefined && any(0, first),
        after: last !== undefined && any(last + 1, entries.length),
      },
    };
  }

  #keyOf(callSid: string): OrderKey {
    const key = this.#byCallSid.get(callSid)?.key ?? this.#departed.get(callSid);
    if (!key) throw new Error(`call_sid ${callSid} has never been in conference ${this.sid}`);
    return key;
  }

  /** The index of the first entry at `key` or, with `after`, past it (binary search). */
  #indexOf(key: OrderKey, after = false): number {
    let low = 0;
    let high = this.#entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = (this.#entries[mid] as Entry).key;
      const before = other.joinedMs - key.joinedMs || other.seq - key.seq;
      if (before < 0 || (after && before === 0)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
