// The baseline: global fetch, a status check, JSON.parse, and next_page_uri followed by hand;
// and, for reference, the same list call with a timeout signal.

/** @import { Connect, ListAll, ListPage } from "../program.js" */
/** @typedef {{ origin: string, collection: (conferenceSid: string) => string, headers: Record<string, string> }} Raw */

/** @type {Connect<Raw>} */
export function connect({ origin, apiBaseUrl, accountSid, apiToken }) {
  return {
    origin,
    collection: (conferenceSid) =>
      `${apiBaseUrl}/Accounts/${encodeURIComponent(accountSid)}/Conferences/${encodeURIComponent(conferenceSid)}/Participants`,
    headers: { authorization: `Basic ${btoa(`${accountSid}:${apiToken}`)}`, accept: "application/json" },
  };
}

/**
 * @param {Raw} raw
 * @param {string} url
 * @param {AbortSignal} [signal]
 * @returns {Promise<{ participants: unknown[], next_page_uri: string | null }>}
 */
async function getPage(raw, url, signal) {
  const response = await fetch(url, { headers: raw.headers, signal });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** @type {ListPage<Raw>} */
export async function listPage(raw, conferenceSid, pageSize) {
  return (await getPage(raw, `${raw.collection(conferenceSid)}?PageSize=${pageSize}`)).participants;
}

/** @type {ListPage<Raw>} */
export async function listPageWithTimeout(raw, conferenceSid, pageSize) {
  const url = `${raw.collection(conferenceSid)}?PageSize=${pageSize}`;
  return (await getPage(raw, url, AbortSignal.timeout(30_000))).participants;
}

/** @type {ListAll<Raw>} */
export async function listAll(raw, conferenceSid, pageSize, visit) {
  let url = `${raw.collection(conferenceSid)}?PageSize=${pageSize}`;
  for (;;) {
    const page = await getPage(raw, url);
    for (const participant of page.participants) visit(participant);
    if (!page.next_page_uri) return;
    url = raw.origin + page.next_page_uri;
  }
}
