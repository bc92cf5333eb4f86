import type { operations, ParticipantPath, ParticipantsPath } from "@laml/types";
import type { LamlCore } from "../../create-laml-core.js";
import { readResult } from "../../fetch/read-result.js";
import { serializeForm } from "../../fetch/serialize-form.js";
import { assertSid } from "../../options/assert-sid.js";
import { wholeNumber } from "../../options/whole-number.js";
import { paginate } from "../../paging/paginate.js";
import { takeItems } from "../../paging/take-items.js";
import type { ParticipantsResource } from "./participants-resource.js";

const LIST: ParticipantsPath = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants";
const ONE: ParticipantPath = `${LIST}/{CallSid}`;

/** The path parameters of the spec's participant operations, by their names in the templates. */
type PathParams = Record<keyof operations["getParticipant"]["parameters"]["path"], string | undefined>;

/**
 * `laml.participants`. Its methods send through the core's fetch wrapper directly, as `laml.raw`'s
 * openapi-fetch does in the end, but without the Request, signal and serializers openapi-fetch
 * makes first (bench/README.md). SIDs are checked before any request.
 */
export function createParticipants({ accountSid, apiRoot, origin, send }: LamlCore): ParticipantsResource {
  // The spec's path template with its parameters put in; checked SIDs need no encoding.
  const url = (template: string, conferenceSid: string, callSid?: string) => {
    const params: PathParams = {
      AccountSid: accountSid,
      ConferenceSid: assertSid("conferenceSid", conferenceSid),
      CallSid: callSid === undefined ? callSid : assertSid("callSid", callSid),
    };
    return new URL(apiRoot + template.replace(/{(\w+)}/g, (_, name: keyof PathParams) => params[name] as string));
  };
  const call = async <T>(method: string, target: URL, signal?: AbortSignal, body?: string) =>
    readResult<T>(method, await send(target, { method, body, signal }));

  const pages: ParticipantsResource["pages"] = (conferenceSid, { signal, ...query } = {}) => {
    const first = url(LIST, conferenceSid);
    first.search = serializeForm(query);
    return paginate((target) => call("GET", target, signal), first, origin);
  };

  return {
    list(conferenceSid, { limit, ...options } = {}) {
      const most = wholeNumber(limit, "limit", Infinity, 0, Infinity);
      // Like twilio-node, a limit alone sets the page size (capped at the API's maximum), so a
      // small limit costs one small page.
      const PageSize = options.PageSize ?? (limit ? Math.min(limit, __LAML_PAGE_SIZE_MAX__) : undefined);
      return takeItems(pages(conferenceSid, { ...options, PageSize }), "participants", most);
    },
    pages,
    // Async, so that a bad SID rejects like any other failure.
    get: async (conferenceSid, callSid, { signal } = {}) => call("GET", url(ONE, conferenceSid, callSid), signal),
    update: async (conferenceSid, callSid, body, { signal } = {}) =>
      call("POST", url(ONE, conferenceSid, callSid), signal, serializeForm(body)),
    remove: async (conferenceSid, callSid, { signal } = {}) => call("DELETE", url(ONE, conferenceSid, callSid), signal),
  };
}
