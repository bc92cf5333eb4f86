// The contract every benchmark program (src/programs/*.mjs) fulfils, so one harness drives them
// all. Each operation is a separate export so that a bundle of `connect` + `listAll` (the minimal
// program that lists participants) carries none of the others.

/** Where and as whom a benchmark program talks to the API. */
export interface Connection {
  /** Scheme, host and port, e.g. `http://127.0.0.1:41234`: what SignalWire calls the space URL. */
  origin: string;
  /** `origin` followed by the spec's base path, e.g. `http://127.0.0.1:41234/api/laml/2010-04-01`. */
  apiBaseUrl: string;
  /** The project ID (`AccountSid` in paths). */
  accountSid: string;
  apiToken: string;
}

/** Creates the library's client (or, for raw fetch, what every request needs). */
export type Connect<C> = (connection: Connection) => C;

/** One list request for a page of `pageSize`; resolves to the page's participants. */
export type ListPage<C> = (client: C, conferenceSid: string, pageSize: number) => Promise<readonly unknown[]>;

/**
 * An operation over one conference's participants, given `args` after the conference's SID, that
 * calls `visit` on each participant it read or updated, so the harness can check it did all its work.
 */
export type Visiting<C, Args extends unknown[] = []> = (
  client: C,
  conferenceSid: string,
  ...rest: [...args: Args, visit: (participant: unknown) => void]
) => Promise<void>;

/** Reads every participant, following `next_page_uri`, and calls `visit` on each. */
export type ListAll<C> = Visiting<C, [pageSize: number]>;

/** Reads every participant with the page size the library picks when given none, calling `visit` on each. */
export type ListEveryone<C> = Visiting<C>;

/**
 * Mutes every unmuted participant of the conference, the way the library's users write it, and
 * calls `visit` on each participant it updated.
 */
export type MuteEveryone<C> = Visiting<C>;

/** Like `MuteEveryone`, with at most `concurrency` updates in flight. */
export type MuteEveryoneConcurrently<C> = Visiting<C, [concurrency: number]>;

/** What a program module exports. */
export interface Program<C = unknown> {
  connect: Connect<C>;
  listPage: ListPage<C>;
  listAll: ListAll<C>;
  /** A second way to make one list call, where the library has one (`laml.raw.GET`). */
  listPageRaw?: ListPage<C>;
  /** One list call with a timeout signal, as careful raw code makes it (raw fetch only). */
  listPageWithTimeout?: ListPage<C>;
  /** One list call with a per-attempt timeout as the client makes it: a controller and a timer (raw fetch only). */
  listPageWithAttemptTimeout?: ListPage<C>;
  /** The same call after one turn of the event loop, the client's wait for one connection (raw fetch only). */
  listPageAfterTurn?: ListPage<C>;
  /** Every participant, each page under a per-attempt timeout as the client keeps one (raw fetch only). */
  listAllWithAttemptTimeout?: ListAll<C>;
  /** Every participant at the library's own page size (not openapi-fetch, which has no paging). */
  listEveryone?: ListEveryone<C>;
  /** `list()` of the unmuted, then a sequential `for` loop of `update()` (twilio-node and @laml/client). */
  muteEveryone?: MuteEveryone<C>;
  /** One bulk update of everyone unmuted (@laml/client's `updateAll`). */
  muteEveryoneConcurrently?: MuteEveryoneConcurrently<C>;
}
