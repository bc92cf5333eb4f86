// The contract every benchmark program (src/programs/*.mjs) fulfils, so one harness drives them all.

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

/** One list request for a page of `pageSize`; resolves to the page's participants. */
export type ListPage = (conferenceSid: string, pageSize: number) => Promise<readonly unknown[]>;

/** Reads every participant, following `next_page_uri`, and calls `visit` on each. */
export type ListAll = (conferenceSid: string, pageSize: number, visit: (participant: unknown) => void) => Promise<void>;

/** A program's list operations, each written the way a user of that library would write it. */
export interface Lister {
  listPage: ListPage;
  listAll: ListAll;
  /** A second way to make one list call, where the library has one (`laml.raw.GET`). */
  listPageRaw?: ListPage;
}

/** What every program module exports. */
export type CreateLister = (connection: Connection) => Lister;
