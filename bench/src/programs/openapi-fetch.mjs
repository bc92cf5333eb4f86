// openapi-fetch alone, typed by @laml/types: what a user gets without @laml/client, including
// following next_page_uri by hand (openapi-fetch has no pagination).
import createClient from "openapi-fetch";

/** @import { paths } from "@laml/types" */
/** @import { Client } from "openapi-fetch" */
/** @import { Connect, ListAll, ListPage } from "../program.js" */
/** @typedef {{ client: Client<paths>, accountSid: string, apiBaseUrl: string }} Typed */
/** @typedef {NonNullable<paths["/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants"]["get"]["parameters"]["query"]>} Query */

/** @type {Connect<Typed>} */
export function connect({ apiBaseUrl, accountSid, apiToken }) {
  /** @type {Client<paths>} */
  const client = createClient({
    baseUrl: apiBaseUrl,
    headers: { authorization: `Basic ${btoa(`${accountSid}:${apiToken}`)}` },
  });
  return { client, accountSid, apiBaseUrl };
}

async function getPage(
  /** @type {Typed} */ { client, accountSid },
  /** @type {string} */ conferenceSid,
  /** @type {Query} */ query,
) {
  const { data, error, response } = await client.GET(
    "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants",
    {
      params: { path: { AccountSid: accountSid, ConferenceSid: conferenceSid }, query },
    },
  );
  if (!data) throw new Error(`listParticipants answered ${response.status}: ${JSON.stringify(error)}`);
  return data;
}

/** @type {ListPage<Typed>} */
export async function listPage(typed, conferenceSid, pageSize) {
  return (await getPage(typed, conferenceSid, { PageSize: pageSize })).participants;
}

/** @type {ListAll<Typed>} */
export async function listAll(typed, conferenceSid, pageSize, visit) {
  let page = await getPage(typed, conferenceSid, { PageSize: pageSize });
  for (;;) {
    for (const participant of page.participants) visit(participant);
    if (!page.next_page_uri) return;
    const next = new URL(page.next_page_uri, typed.apiBaseUrl).searchParams;
    page = await getPage(typed, conferenceSid, {
      PageSize: Number(next.get("PageSize") ?? pageSize),
      Page: Number(next.get("Page")),
      PageToken: next.get("PageToken") ?? undefined,
    });
  }
}
