// @laml/client, as its README shows it: the typed escape hatch `laml.raw.GET` (opt-in, through
// `withRaw`), the paging iterators `participants.pages()` and `participants.list()`, and bulk
// moderation's `updateAll` (opt-in, through `withBulk`).
import { createLamlClient, withRaw } from "@laml/client";
import { withBulk } from "@laml/client/bulk";

/** @import { LamlClient, RawLamlClient } from "@laml/client" */
/** @import { BulkLamlClient } from "@laml/client/bulk" */
/** @import { Connect, ListAll, ListEveryone, ListPage, MuteEveryone, MuteEveryoneConcurrently } from "../program.js" */

/** @type {Connect<LamlClient>} */
export function connect({ origin, accountSid, apiToken }) {
  return createLamlClient({ spaceUrl: origin, projectId: accountSid, apiToken });
}

// `connect` calls neither withRaw nor withBulk: the bundle-size row measures `connect` +
// `listAll`, which a program that uses neither writes. Each is made once per client, as a program
// opting in makes it once, on the client's first call: the rows that time them warm up first, so
// the per-call row times `raw.GET` alone and the mute-everyone row `updateAll` alone.
/**
 * `make(laml)`, made on a client's first call and kept for its later ones.
 * @template T
 * @param {(laml: LamlClient) => T} make
 * @returns {(laml: LamlClient) => T}
 */
function oncePerClient(make) {
  /** @type {WeakMap<LamlClient, T>} */
  const made = new WeakMap();
  return (laml) => {
    if (!made.has(laml)) made.set(laml, make(laml));
    return /** @type {T} */ (made.get(laml));
  };
}

/** @type {(laml: LamlClient) => RawLamlClient} */
const rawOf = /* @__PURE__ */ oncePerClient(withRaw);
/** @type {(laml: LamlClient) => BulkLamlClient} */
const bulkOf = /* @__PURE__ */ oncePerClient(withBulk);

/** @type {ListPage<LamlClient>} */
export async function listPageRaw(laml, conferenceSid, pageSize) {
  const { data, error, response } = await rawOf(laml).raw.GET(
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
  const { updated, failed } = await bulkOf(laml).participants.updateAll(
    conferenceSid,
    { Muted: true },
    { where: { Muted: false }, concurrency },
  );
  if (failed.length > 0) throw new Error(`updateAll failed for ${failed.length}: ${failed[0]?.error}`);
  for (const participant of updated) visit(participant);
}
