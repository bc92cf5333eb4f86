import type { operations, ParticipantPath, ParticipantsPath } from "@laml/types";
import type { LamlCore } from "../../create-laml-core.js";
import { LamlClientError } from "../../errors/laml-client-error.js";
import { readResult } from "../../fetch/read-result.js";
import { serializeForm } from "../../fetch/serialize-form.js";
import { assertSid } from "../../options/assert-sid.js";
import { wholeNumber } from "../../options/whole-number.js";
import { paginate } from "../../paging/paginate.js";
import { takeItems } from "../../paging/take-items.js";
import type { CallOptions, LamlPromise, ParticipantsResource } from "./participants-resource.js";

const LIST: ParticipantsPath = "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants";
const ONE: ParticipantPath = `${LIST}/{CallSid}`;

/** The path parameters of the spec's participant operations, by their names in the templates. */
type PathParams = Record<keyof operations["getParticipant"]["parameters"]["path"], string | undefined>;

/**
 * A path template split once, so that no call scans it: literal text at even indexes, the
 * names of the parameters between them at odd ones.
 */
const split = (template: string) => template.split(/{(\w+)}/);
const LIST_PARTS = split(LIST);
const ONE_PARTS = split(ONE);

/**
 * `laml.participants`. Its methods send through the core's fetch wrapper directly, as `withRaw(laml).raw`'s
 * openapi-fetch does in the end, but without the Request, signal and serializers openapi-fetch
 * makes first (bench/README.md). SIDs are checked before any request.
 */
export function createParticipants({ accountSid, apiRoot, origin, send }: LamlCore): ParticipantsResource {
  // The spec's path template with its parameters put in; checked SIDs need no encoding.
  const url = (parts: string[], conferenceSid: string, callSid?: string) => {
    const params: PathParams = {
      AccountSid: accountSid,
      ConferenceSid: assertSid("conferenceSid", conferenceSid),
      CallSid: callSid === undefined ? callSid : assertSid("callSid", callSid),
    };
    let path = apiRoot;
    parts.forEach((part, index) => {
      path += index % 2 ? params[part as keyof PathParams] : part;
    });
    return path;
  };
  // One request's data (a participant's, or a page's), and through `withResponse()` the answer it
  // came from. The URL is built here, so that a bad SID rejects like any other failure; the init
  // is written out rather than spread from the options, which every call would pay for.
  const call = <T>(method: string, target: () => string, options: CallOptions = {}, body?: string): LamlPromise<T> => {
    const { signal, timeoutMs, maxRetries, headers } = options;
    let answer: Promise<Response>;
    try {
      answer = send(target(), { method, body, signal, timeoutMs, maxRetries, headers });
    } catch (error) {
      answer = Promise.reject(error);
    }
    const data = answer.then((response) => readResult<T>(method, response)) as LamlPromise<T>;
    data.withResponse = async () => ({ data: await data, response: await answer });
    return data;
  };

  const pages: ParticipantsResource["pages"] = (
    conferenceSid,
    { from, signal, timeoutMs, maxRetries, headers, ...query } = {},
  ) => {
    const options = { signal, timeoutMs, maxRetries, headers };
    let first = url(LIST_PARTS, conferenceSid);
    if (from === undefined) {
      const search = serializeForm(query);
      if (search) first += `?${search}`;
    } else {
      const given = Object.entries(query).flatMap(([name, value]) => (value === undefined ? [] : [name]));
      if (given.length > 0) {
        throw new LamlClientError(
          `Invalid pages() options: from resumes at a next_page_uri, which carries its own filters and PageSize; pass from or ${given.join(", ")}, not both.`,
        );
      }
      // Resolved against the origin like every next_page_uri; the wrapper refuses another origin.
      first = new URL(from, origin).href;
    }
    return paginate((target) => call("GET", () => target, options), first, origin);
  };

  return {
    list(conferenceSid, { limit, ...options } = {}) {
      const most = wholeNumber(limit, "limit", Infinity, 0, Infinity);
      // Items are what a list() caller wants, so without a PageSize it asks for the API's largest
      // page: fewest round trips. A limit below that sets the page size, so a small limit costs
      // one small page; a resumed list keeps the saved URI's page size.
      const PageSize =
        options.PageSize ??
        (options.from === undefined ? Math.min(limit || __LAML_PAGE_SIZE_MAX__, __LAML_PAGE_SIZE_MAX__) : undefined);
      return takeItems(pages(conferenceSid, { ...options, PageSize } as typeof options), "participants", most);
    },
    pages,
    get: (conferenceSid, callSid, options) => call("GET", () => url(ONE_PARTS, conferenceSid, callSid), options),
    update: (conferenceSid, callSid, body, options) =>
      call("POST", () => url(ONE_PARTS, conferenceSid, callSid), options, serializeForm(body)),
    remove: (conferenceSid, callSid, options) => call("DELETE", () => url(ONE_PARTS, conferenceSid, callSid), options),
  };
}
