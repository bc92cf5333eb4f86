// @laml/client, as its README shows it: the typed escape hatch `laml.raw.GET`, and the paging
// iterators `participants.pages()` and `participants.list()`.
import { createLamlClient } from "@laml/client";

/** @import { CreateLister } from "../lister.js" */

/** @type {CreateLister} */
export function createLister({ origin, accountSid, apiToken }) {
  const laml = createLamlClient({ spaceUrl: origin, projectId: accountSid, apiToken });
  return {
    async listPageRaw(conferenceSid, pageSize) {
      const { data, error, response } = await laml.raw.GET("/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants", {
        params: { path: { AccountSid: laml.accountSid, ConferenceSid: conferenceSid }, query: { PageSize: pageSize } },
      });
      if (!data) throw new Error(`listParticipants answered ${response.status}: ${JSON.stringify(error)}`);
      return data.participants;
    },
    async listPage(conferenceSid, pageSize) {
      for await (const page of laml.participants.pages(conferenceSid, { PageSize: pageSize })) return page.participants;
      return [];
    },
    async listAll(conferenceSid, pageSize, visit) {
      for await (const participant of laml.participants.list(conferenceSid, { PageSize: pageSize })) visit(participant);
    },
  };
}
