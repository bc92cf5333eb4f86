import type { ListParticipantsQuery, Participant } from "@laml/types";
import type { RequestOptions } from "../options/request-options.js";

/** Names that must be query parameters of the spec's list: a name the spec drops fails to compile here. */
type ListField<Name extends keyof ListParticipantsQuery> = Name;

/** The list's paging parameters, which a bulk call sets itself (the API's largest page, its cursors). */
type PagingField = ListField<"Page" | "PageSize" | "PageToken">;

/** The list's filters by their wire names (e.g. `{ Muted: false }`): its query parameters without the paging ones. */
export type ParticipantFilters = Omit<ListParticipantsQuery, PagingField>;

/**
 * The options of `updateAll` and `removeAll`. `signal`, `timeoutMs`, `maxRetries` and `headers`
 * apply to every request the call sends, the listing included.
 */
export interface BulkOptions extends RequestOptions {
  /** Only the participants the list returns with these filters, e.g. `{ Muted: false }`; all when absent. */
  where?: ParticipantFilters;
  /** The `CallSid`s to leave alone, e.g. the moderator's own call: an array or a `Set` (not one string). */
  except?: readonly string[] | ReadonlySet<string>;
  /** The most requests in flight at once: a whole number from 1 (one after another); 8 when absent. */
  concurrency?: number;
  /**
   * Stops the call: no request starts after it aborts, those in flight are aborted, and the call
   * rejects with the signal's reason (what was done before stays done).
   */
  signal?: AbortSignal;
}

/** A participant whose request failed, and the error it failed with (as the single call would throw it). */
export interface BulkFailure {
  callSid: string;
  error: unknown;
}

/** What `updateAll` did, each list in listing order. */
export interface UpdateAllReport {
  /** The participants updated, as the API returned them. */
  updated: Participant[];
  /** The `CallSid`s of participants who left between the listing and their update (404, not-found code). */
  gone: string[];
  /** The participants whose update failed otherwise, after the client's retries. */
  failed: BulkFailure[];
}

/** What `removeAll` did, each list in listing order. */
export interface RemoveAllReport {
  /** The `CallSid`s of the participants removed. */
  removed: string[];
  /** The `CallSid`s of participants who left before their removal (404, not-found code). */
  gone: string[];
  /** The participants whose removal failed otherwise, after the client's retries. */
  failed: BulkFailure[];
}
