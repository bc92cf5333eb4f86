// openapi-fetch alone, typed by @laml/types: what a user gets without @laml/client, including
// following next_page_uri by hand (openapi-fetch has no pagination).
import createClient from "openapi-fetch";

/** @import { paths } from "@laml/types" */
/** @import { CreateLister } from "../lister.js" */

/** @type {CreateLister} */
export function createLister({ apiBaseUrl, accountSid, apiToken }) {
  /** @type {import("openapi-fetch").Client<paths>} */
  const client = createClient({
    baseUrl: apiBaseUrl,
    headers: { authorization: `Basic ${btoa(`${accountSid}:${apiToken}`)}` },
  });

  async function getPage(
    /** @type {string} */ conferenceSid,
    /** @type {NonNullable<paths["/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants"]["get"]["parameters"]["query"]>} */ query,
  ) {
    const { data, error, response } = await client.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
      params: { path: { AccountSid: accountSid, ConferenceSid: conferenceSid }, query },
    });
    if (!data) throw new Error(`listParticipants answered ${response.status}: ${JSON.stringify(error)}`);
    return data;
  }

  return {
    async listPage(conferenceSid, pageSize) {
      return (await getPage(conferenceSid, { PageSize: pageSize })).participants;
    },
    async listAll(conferenceSid, pageSize, visit) {
      let page = await getPage(conferenceSid, { PageSize: pageSize });
      for (;;) {
        for (const participant of page.participants) visit(participant);
        if (!page.next_page_uri) return;
        const next = new URL(page.next_page_uri, apiBaseUrl).searchParams;
        page = await getPage(conferenceSid, {
          PageSize: Number(next.get("PageSize") ?? pageSize),
          Page: Number(next.get("Page")),
          PageToken: next.get("PageToken") ?? undefined,
        });
      }
    },
  };
}
