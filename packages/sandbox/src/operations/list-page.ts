import type { ListParticipantsQuery, ParticipantPage } from "@laml/types";
import { ErrorCode, LamlError } from "../http/laml-error.js";
import type { Conference, PageRequest, StoredParticipant } from "../state/conference.js";
import { JSON_SUFFIX, participantsUri, type RequestView } from "./participants-uri.js";
import { participantBytes } from "./render-participant.js";

/** The list's paging parameters, which `listPage` reads itself: every other query parameter is a filter. */
export const PAGING = ["Page", "PageSize", "PageToken"] as const satisfies readonly (keyof ListParticipantsQuery)[];
type FilterName = Exclude<keyof ListParticipantsQuery, (typeof PAGING)[number]>;

/**
 * The filters: for each query parameter of the list that is not a paging one, the participant
 * field it must equal, in the order the page URIs carry them. A filter the spec adds fails to
 * compile here (once the types regenerate) and fails the test that compares this map with the
 * spec, rather than being validated and then ignored.
 */
export const FILTERS = { Muted: "muted", Hold: "hold" } as const satisfies Record<FilterName, keyof StoredParticipant>;

const FILTER_ENTRIES = Object.entries(FILTERS) as [FilterName, keyof StoredParticipant][];

/** The query after validation: `Page` and `PageSize` carry the spec's defaults. */
type ListQuery = ListParticipantsQuery & Required<Pick<ListParticipantsQuery, "Page" | "PageSize">>;

/** The page token's prefixes: the page after the participant it names, and the page before. */
export const CURSOR = { after: "PA", before: "PB" } as const;

const COMMA = Buffer.from(",");
const END = Buffer.from("]}");

/**
 * Answers a list request with one page and the URIs around it. Later pages are found by a
 * cursor naming the last (or, backwards, the first) participant of the page before, so people
 * joining or leaving meanwhile shift nothing: no one is skipped or listed twice. Returns the
 * page as UTF-8 JSON, assembled from each participant's cached bytes.
 */
export function listPage(conference: Conference, query: ListQuery, view: RequestView): Buffer {
  const filters: ListParticipantsQuery = {};
  const tests: [keyof StoredParticipant, unknown][] = [];
  for (const [param, field] of FILTER_ENTRIES) {
    if (query[param] === undefined) continue;
    filters[param] = query[param];
    tests.push([field, query[param]]);
  }
  const matches = (p: StoredParticipant) => tests.every(([field, value]) => p[field] === value);
  const slice = conference.page({
    size: query.PageSize,
    from: startOf(conference, query),
    ...(tests.length > 0 && { matches }),
  });
  const base = `${participantsUri(view.prefix, conference.accountSid, conference.sid)}${view.json ? JSON_SUFFIX : ""}`;
  // Every page URI carries the filters and the page size forward, as the API's do.
  const uri = (Page: number, PageToken?: string) => {
    const carried: ListParticipantsQuery = {
      ...filters,
      PageSize: query.PageSize,
      Page,
      ...(PageToken && { PageToken }),
    };
    return `${base}?${new URLSearchParams(Object.entries(carried).map(([name, value]) => [name, String(value)]))}`;
  };
  const { participants, more } = slice;
  const first = participants[0];
  const last = participants[participants.length - 1];
  const envelope: Omit<ParticipantPage, "participants"> = {
    uri: uri(query.Page, query.PageToken),
    first_page_uri: uri(0),
    next_page_uri: more.after && last ? uri(query.Page + 1, `${CURSOR.after}${last.call_sid}`) : null,
    previous_page_uri:
      more.before && first ? uri(Math.max(query.Page - 1, 0), `${CURSOR.before}${first.call_sid}`) : null,
    page: query.Page,
    page_size: query.PageSize,
  };
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(envelope).slice(0, -1)},"participants":[`)];
  participants.forEach((p, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(participantBytes(p, view.prefix));
  });
  parts.push(END);
  return Buffer.concat(parts);
}

/** Where the page starts: at a cursor's participant, or (without one) `Page` pages in. */
function startOf(conference: Conference, query: ListQuery): PageRequest["from"] {
  const token = query.PageToken;
  if (token === undefined) return { skip: query.Page * query.PageSize };
  const direction = token.slice(0, CURSOR.after.length);
  const callSid = token.slice(CURSOR.after.length);
  if ((direction !== CURSOR.after && direction !== CURSOR.before) || !conference.knows(callSid)) {
    throw new LamlError(
      400,
      ErrorCode.invalidPageToken,
      `The page token supplied was invalid: PageToken ${token.slice(0, 60)} does not point into this list; follow next_page_uri or previous_page_uri as given`,
    );
  }
  return direction === CURSOR.after ? { after: callSid } : { before: callSid };
}
