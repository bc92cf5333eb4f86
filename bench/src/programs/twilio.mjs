// twilio-node, configured the way SignalWire's own fork of it (@signalwire/compatibility-api)
// configures it to talk to a SignalWire space.
import twilio from "twilio";

/** @import { CreateLister } from "../lister.js" */

/** @type {CreateLister} */
export function createLister({ origin, accountSid, apiToken }) {
  // twilio-node throws "accountSid must start with AC" for a SignalWire project ID, so the fork
  // passes "AC" + the ID, then restores the real ID and points the api domain at the space.
  const client = twilio(`AC${accountSid}`, apiToken);
  client.username = accountSid;
  client.accountSid = accountSid;
  client.api.baseUrl = origin;
  const participants = (/** @type {string} */ conferenceSid) =>
    client.api.v2010.account.conferences(conferenceSid).participants;

  return {
    listPage: (conferenceSid, pageSize) => participants(conferenceSid).list({ pageSize }),
    listAll: (conferenceSid, pageSize, visit) =>
      new Promise((resolve, reject) => {
        participants(conferenceSid).each({
          pageSize,
          callback: (participant) => visit(participant),
          done: (/** @type {Error | undefined} */ error) => (error ? reject(error) : resolve()),
        });
      }),
  };
}
