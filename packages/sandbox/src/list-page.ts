import type { ListParticipantsQuery, ParticipantPage } from "@laml/types";
import type { Conference, PageRequest } from "./conference.js";
import { ErrorCode, LamlError } from "./laml-error.js";
import { participantBytes } from "./participant-bytes.js";
import { participantsUri } from "./participants-uri.js";
import type { RequestView } from "./request-view.js";

/** The query after validation: `Page` and `PageSize` carry the spec's defaults. */
type ListQuery = ListParticipantsQuery & Required<Pick<ListParticipantsQuery, "Page" | "PageSize">>;

/** The filters, in the order the page URIs carry them, and the participant field each tests. */
const FILTERS = [
  ["Muted", "muted"],
  ["Hold", "hold"],
] as const satisfies readonly (readonly [keyof ListParticipantsQuery, keyof PageRequest["filter"]])[];

const COMMA = Buffer.from(",");
const END = Buffer.from("]}");

/** The cursor prefixes: the page after a participant, and the page before one. */
const AFTER = "PA";
const BEFORE = "PB";

/**
 * Answers a list request with one page and the URIs around it. Later pages are found by a
 * cursor naming the last (or, backwards, the first) participant of the page before, so people
 * joining or leaving meanwhile shift nothing: no one is skipped or listed twice. Returns the
 * page as UTF-8 JSON, assembled from each participant's cached bytes.
 */
export function listPage(conference: Conference, query: ListQuery, view: RequestView): Buffer {
  const filter: PageRequest["filter"] = {};
  const filters: ListParticipantsQuery = {};
  for (const [param, field] of FILTERS) {
    if (query[param] === undefined) continue;
    filter[field] = query[param];
    filters[param] = query[param];
  }
  const slice = conference.page({ size: query.PageSize, filter, from: startOf(conference, query) });
  const base = `${participantsUri(view.prefix, conference.accountSid, conference.sid)}${view.json ? ".json" : ""}`;
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
    next_page_uri: more.after && last ? uri(query.Page + 1, `${AFTER}${last.call_sid}`) : null,
    previous_page_uri: more.before && first ? uri(Math.max(query.Page - 1, 0), `${BEFORE}${first.call_sid}`) : null,
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
  const direction = token.slice(0, AFTER.length);
  const callSid = token.slice(AFTER.length);
  if ((direction !== AFTER && direction !== BEFORE) || !conference.knows(callSid)) {
    throw new LamlError(
      400,
      ErrorCode.invalidPageToken,
      `The page token supplied was invalid: PageToken ${token.slice(0, 60)} does not point into this list; follow next_page_uri or previous_page_uri as given`,
    );
  }
  return direction === AFTER ? { after: callSid } : { before: callSid };
}
