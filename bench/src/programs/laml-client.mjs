// @laml/client, as its README shows it: the typed escape hatch `laml.raw.GET` (opt-in, through
// `withRaw`), the paging iterators `participants.pages()` and `participants.list()`, and bulk
// moderation's `updateAll` (opt-in, through `withBulk`).
import { createLamlClient, withRaw } from "@laml/client";
import { withBulk } from "@laml/client/bulk";

/** @import { LamlClient, RawLamlClient } from "@laml/client" */
/** @import { Connect, ListAll, ListEveryone, ListPage, MuteEveryone, MuteEveryoneConcurrently } from "../program.js" */

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

/**
 * Everyone unmuted muted the way twilio-node's users do it: every page read first, then one
 * `update()` after another.
 * @type {MuteEveryone<LamlClient>}
 */
export async function muteEveryone(laml, conferenceSid, visit) {
  const unmuted = [];
  for await (const participant of laml.participants.list(conferenceSid, { Muted: false })) unmuted.push(participant);
  for (const participant of unmuted) {
    visit(await laml.participants.update(conferenceSid, participant.call_sid, { Muted: true }));
  }
}

/**
 * Everyone unmuted muted by one `updateAll`; a failed update fails the operation, since the
 * benchmark counts only rounds in which everyone ended muted.
 * @type {MuteEveryoneConcurrently<LamlClient>}
 */
export async function muteEveryoneConcurrently(laml, conferenceSid, concurrency, visit) {
  const { updated, failed } = await withBulk(laml).participants.updateAll(
    conferenceSid,
    { Muted: true },
    { where: { Muted: false }, concurrency },
  );
  if (failed.length > 0) throw new Error(`updateAll failed for ${failed.length}: ${failed[0]?.error}`);
  for (const participant of updated) visit(participant);
}
