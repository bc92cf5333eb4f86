import type { ParticipantPath, ParticipantsPath } from "@laml/types";
import { assertSid } from "./assert-sid.js";
import type { LamlFetch } from "./create-laml-fetch.js";
import { paginate } from "./paginate.js";
import type { ParticipantsResource } from "./participants-resource.js";
import { readResult } from "./read-result.js";
import type { ResolvedOptions } from "./resolve-options.js";
import { serializeForm } from "./serialize-form.js";
import { takeItems } from "./take-items.js";
import { wholeNumber } from "./whole-number.js";

const LIST: ParticipantsPath = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants";
const ONE: ParticipantPath = `${LIST}/{CallSid}`;

/**
 * The resource methods. They send through the client's fetch wrapper directly, as `laml.raw`'s
 * openapi-fetch does in the end, but without the Request, signal and serializers openapi-fetch
 * makes first: about 15% of a list call (bench/README.md). SIDs are checked before any request.
 */
export function createParticipants(
  send: LamlFetch,
  { accountSid, apiRoot, origin }: Pick<ResolvedOptions, "accountSid" | "apiRoot" | "origin">,
): ParticipantsResource {
  // The spec's path template with its parameters put in; checked SIDs need no encoding.
  const url = (template: string, conferenceSid: string, callSid?: string) => {
    const params: Record<string, string | undefined> = {
      AccountSid: accountSid,
      ConferenceSid: assertSid("conferenceSid", conferenceSid),
      CallSid: callSid === undefined ? callSid : assertSid("callSid", callSid),
    };
    return new URL(apiRoot + template.replace(/{(\w+)}/g, (_, name: string) => params[name] as string));
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
      return takeItems(pages(conferenceSid, { ...options, PageSize }), most);
    },
    pages,
    // Async, so that a bad SID rejects like any other failure.
    get: async (conferenceSid, callSid, { signal } = {}) => call("GET", url(ONE, conferenceSid, callSid), signal),
    update: async (conferenceSid, callSid, body, { signal } = {}) =>
      call("POST", url(ONE, conferenceSid, callSid), signal, serializeForm(body)),
    remove: async (conferenceSid, callSid, { signal } = {}) => call("DELETE", url(ONE, conferenceSid, callSid), signal),
  };
}
