// twilio-node, configured the way SignalWire's own fork of it (@signalwire/compatibility-api)
// configures it to talk to a SignalWire space.
import twilio from "twilio";

/** @import { Twilio } from "twilio" */
/** @import { Connect, ListAll, ListEveryone, ListPage, MuteEveryone } from "../program.js" */

/** @type {Connect<Twilio>} */
export function connect({ origin, accountSid, apiToken }) {
  // twilio-node throws "accountSid must start with AC" for a SignalWire project ID, so the fork
  // passes "AC" + the ID, then restores the real ID and points the api domain at the space.
  const client = twilio(`AC${accountSid}`, apiToken);
  client.username = accountSid;
  client.accountSid = accountSid;
  client.api.baseUrl = origin;
  return client;
}

const participants = (/** @type {Twilio} */ client, /** @type {string} */ conferenceSid) =>
  client.api.v2010.account.conferences(conferenceSid).participants;

/** @type {ListPage<Twilio>} */
export function listPage(client, conferenceSid, pageSize) {
  return participants(client, conferenceSid).list({ pageSize });
}

/** @type {ListAll<Twilio>} */
export function listAll(client, conferenceSid, pageSize, visit) {
  return new Promise((resolve, reject) => {
    participants(client, conferenceSid).each({
      pageSize,
      callback: (participant) => visit(participant),
      done: (/** @type {Error | undefined} */ error) => (error ? reject(error) : resolve()),
    });
  });
}

/**
 * Every participant with twilio-node's `list()` and no options: it picks the page size.
 * @type {ListEveryone<Twilio>}
 */
export async function listEveryone(client, conferenceSid, visit) {
  for (const participant of await participants(client, conferenceSid).list()) visit(participant);
}

/**
 * Everyone unmuted muted as twilio-node's users write it: `list()` reads every page (at its
 * default page size) before the loop starts, then one `update()` after another.
 * @type {MuteEveryone<Twilio>}
 */
export async function muteEveryone(client, conferenceSid, visit) {
  const inConference = participants(client, conferenceSid);
  for (const participant of await inConference.list({ muted: false })) {
    visit(await inConference(participant.callSid).update({ muted: true }));
  }
}
