// @laml/client, as its README shows it: the typed escape hatch `laml.raw.GET` (opt-in, through
// `withRaw`), and the paging iterators `participants.pages()` and `participants.list()`.
import { createLamlClient, withRaw } from "@laml/client";

/** @import { LamlClient, RawLamlClient } from "@laml/client" */
/** @import { Connect, ListAll, ListEveryone, ListPage } from "../program.js" */

/** @type {Connect<LamlClient>} */
export function connect({ origin, accountSid, apiToken }) {
  return createLamlClient({ spaceUrl: origin, projectId: accountSid, apiToken });
}

// `connect` does not call withRaw: the bundle-size row measures `connect` + `listAll`, which a
// program that does not use raw writes. The raw client is made once per client, as a program
// using it would, so the per-call row times `raw.GET` alone.
/** @type {WeakMap<LamlClient, RawLamlClient>} */
const withRaws = new WeakMap();

/** @param {LamlClient} laml */
function rawOf(laml) {
  let withIt = withRaws.get(laml);
  if (!withIt) {
    withIt = withRaw(laml);
    withRaws.set(laml, withIt);
  }
  return withIt.raw;
}

/** @type {ListPage<LamlClient>} */
export async function listPageRaw(laml, conferenceSid, pageSize) {
  const { data, error, response } = await rawOf(laml).GET(
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
