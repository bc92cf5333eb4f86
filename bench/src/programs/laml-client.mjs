// @laml/client, as its README shows it: the typed escape hatch `laml.raw.GET`, and the paging
// iterators `participants.pages()` and `participants.list()`.
import { createLamlClient } from "@laml/client";

/** @import { LamlClient } from "@laml/client" */
/** @import { Connect, ListAll, ListEveryone, ListPage } from "../program.js" */

/** @type {Connect<LamlClient>} */
export function connect({ origin, accountSid, apiToken }) {
  return createLamlClient({ spaceUrl: origin, projectId: accountSid, apiToken });
}

/** @type {ListPage<LamlClient>} */
export async function listPageRaw(laml, conferenceSid, pageSize) {
  const { data, error, response } = await laml.raw.GET(
    "/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants",
    {
      params: { path: { AccountSid: laml.accountSid, ConferenceSid: conferenceSid }, query: { PageSize: pageSize } },
    },
  );
  if (!data) throw new Error(`listParticipants answered ${response.status}: ${JSON.stringify(error)}`);
  return data.participants;
}

/** @type {ListPage<LamlClient>} */
export async function listPage(laml, conferenceSid, pageSize) {
  for await (const page of laml.participants.pages(conferenceSid, { PageSize: pageSize })) return page.participants;
  return [];
}

/** @type {ListAll<LamlClient>} */
export async function listAll(laml, conferenceSid, pageSize, visit) {
  for await (const participant of laml.participants.list(conferenceSid, { PageSize: pageSize })) visit(participant);
}

/**
 * Every participant, with no page size given: the client picks it.
 * @type {ListEveryone<LamlClient>}
 */
export async function listEveryone(laml, conferenceSid, visit) {
  for await (const participant of laml.participants.list(conferenceSid)) visit(participant);
}
