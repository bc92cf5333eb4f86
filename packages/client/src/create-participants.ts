import type { ParticipantPage, ParticipantPath, ParticipantsPath, paths } from "@laml/types";
import type { Client } from "openapi-fetch";
import { assertSid } from "./assert-sid.js";
import { paginate } from "./paginate.js";
import type { ParticipantsResource } from "./participants-resource.js";
import { takeItems } from "./take-items.js";
import { type FetchResult, unwrapResult } from "./unwrap-result.js";
import { wholeNumber } from "./whole-number.js";

const LIST: ParticipantsPath = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants";
const ONE: ParticipantPath = `${LIST}/{CallSid}`;

/** The resource methods over the openapi-fetch client; SIDs are checked before any request. */
export function createParticipants(raw: Client<paths>, accountSid: string, origin: string): ParticipantsResource {
  // A next_page_uri is followed verbatim: passed as the path, with its origin as the base URL and
  // no parameters to substitute, it goes out unchanged (the fetch wrapper checks the origin).
  const getUri = raw.GET as unknown as (
    uri: string,
    init: { baseUrl: string; signal?: AbortSignal },
  ) => Promise<FetchResult<ParticipantPage>>;
  const conference = (conferenceSid: string) => ({
    AccountSid: accountSid,
    ConferenceSid: assertSid("conferenceSid", conferenceSid),
  });
  const participant = (conferenceSid: string, callSid: string) => ({
    ...conference(conferenceSid),
    CallSid: assertSid("callSid", callSid),
  });

  const pages: ParticipantsResource["pages"] = (conferenceSid, { signal, ...query } = {}) => {
    const path = conference(conferenceSid);
    return paginate(
      (next) =>
        next
          ? getUri(next.pathname + next.search, { baseUrl: next.origin, signal })
          : raw.GET(LIST, { params: { path, query }, signal }),
      origin,
    );
  };

  return {
    list(conferenceSid, { limit, ...options } = {}) {
      const most = wholeNumber(limit, "limit", Infinity, 0, Infinity);
      // Like twilio-node, a limit alone sets the page size (capped at the API's 1000), so a small
      // limit costs one small page.
      const PageSize = options.PageSize ?? (limit ? Math.min(limit, 1000) : undefined);
      return takeItems(pages(conferenceSid, { ...options, PageSize }), most);
    },
    pages,
    async get(conferenceSid, callSid, { signal } = {}) {
      return unwrapResult("GET", await raw.GET(ONE, { params: { path: participant(conferenceSid, callSid) }, signal }));
    },
    async update(conferenceSid, callSid, body, { signal } = {}) {
      const path = participant(conferenceSid, callSid);
      return unwrapResult("POST", await raw.POST(ONE, { params: { path }, body, signal }));
    },
    async remove(conferenceSid, callSid, { signal } = {}) {
      unwrapResult("DELETE", await raw.DELETE(ONE, { params: { path: participant(conferenceSid, callSid) }, signal }));
    },
  };
}
