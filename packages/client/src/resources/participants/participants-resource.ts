import type { ListParticipantsQuery, Participant, ParticipantPage, UpdateParticipantBody } from "@laml/types";
import type { RequestOptions } from "../../options/request-options.js";
import type { OperationMap } from "../operation-guard.js";

/** Per-call options every method accepts: a signal, and the client's defaults overridden for this call. */
export type CallOptions = RequestOptions;

/** A call's promise, which also gives the `Response` its data came from. */
export interface LamlPromise<T> extends Promise<T> {
  /** The same call's data and its `Response` (status and headers; the body is already read). */
  withResponse(): Promise<{ data: T; response: Response }>;
}

/**
 * The options of `pages()`: the API's filters and paging fields, by their wire names, or `from` to
 * resume at a saved `next_page_uri`; and the call options.
 */
export type PagesOptions = ((ListParticipantsQuery & { from?: undefined }) | ResumeOptions) & CallOptions;

/** Resumes paging at a saved `next_page_uri`, which carries the filters and the cursor itself. */
export type ResumeOptions = { [Field in keyof ListParticipantsQuery]?: undefined } & {
  /** A `next_page_uri` saved from an earlier page: paging continues there (origin-checked like any other). */
  from: string;
};

/** The options of `list()`: those of `pages()` plus `limit`. */
export type ListOptions = PagesOptions & {
  /** The most participants to yield in all; `PageSize` then defaults to it, capped at the API's largest page (1000), the default without a limit. */
  limit?: number;
};

/** The Participants resource: list, page through, get, update and remove a conference's participants. */
export interface ParticipantsResource {
  /** Every participant of the conference matching the filters, across all pages. */
  list(conferenceSid: string, options?: ListOptions): AsyncGenerator<Participant, void, undefined>;
  /** The pages of participants as the API returns them, following `next_page_uri` until it is null. */
  pages(conferenceSid: string, options?: PagesOptions): AsyncGenerator<ParticipantPage, void, undefined>;
  /** One participant, by the `CallSid` of its call. */
  get(conferenceSid: string, callSid: string, options?: CallOptions): LamlPromise<Participant>;
  /**
   * Changes the fields given (e.g. `{ Muted: false }`) and resolves to the updated participant.
   * Retried after a 5xx, a network error or a timeout only when every field sent is idempotent.
   */
  update(
    conferenceSid: string,
    callSid: string,
    body: UpdateParticipantBody,
    options?: CallOptions,
  ): LamlPromise<Participant>;
  /** Takes the participant out of the conference. */
  remove(conferenceSid: string, callSid: string, options?: CallOptions): LamlPromise<void>;
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
