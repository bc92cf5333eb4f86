import type { ListParticipantsQuery, Participant, ParticipantPage, UpdateParticipantBody } from "@laml/types";
import type { OperationMap } from "../operation-guard.js";

/** Per-call options every method accepts. */
export interface CallOptions {
  /** Cancels the call, retries and waits included; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The options of `pages()`: the API's filters and paging fields, by their wire names, and a signal. */
export type PagesOptions = ListParticipantsQuery & CallOptions;

/** The options of `list()`: those of `pages()` plus `limit`. */
export type ListOptions = PagesOptions & {
  /** The most participants to yield in all; `PageSize` then defaults to it (at most 1000). */
  limit?: number;
};

/** The Participants resource: list, page through, get, update and remove a conference's participants. */
export interface ParticipantsResource {
  /** Every participant of the conference matching the filters, across all pages. */
  list(conferenceSid: string, options?: ListOptions): AsyncGenerator<Participant, void, undefined>;
  /** The pages of participants as the API returns them, following `next_page_uri` until it is null. */
  pages(conferenceSid: string, options?: PagesOptions): AsyncGenerator<ParticipantPage, void, undefined>;
  /** One participant, by the `CallSid` of its call. */
  get(conferenceSid: string, callSid: string, options?: CallOptions): Promise<Participant>;
  /** Changes the fields given (e.g. `{ Muted: false }`) and resolves to the updated participant. */
  update(
    conferenceSid: string,
    callSid: string,
    body: UpdateParticipantBody,
    options?: CallOptions,
  ): Promise<Participant>;
  /** Takes the participant out of the conference. */
  remove(conferenceSid: string, callSid: string, options?: CallOptions): Promise<void>;
}

/** The operation each method of `laml.participants` sends, by `operationId` (read by the operation guard). */
export type ParticipantsOperations = OperationMap<
  ParticipantsResource,
  {
    list: "listParticipants";
    pages: "listParticipants";
    get: "getParticipant";
    update: "updateParticipant";
    remove: "deleteParticipant";
  }
>;
