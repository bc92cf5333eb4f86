// The baseline: global fetch, a status check, JSON.parse, and next_page_uri followed by hand.

/** @import { CreateLister } from "../lister.js" */

/** @type {CreateLister} */
export function createLister({ origin, apiBaseUrl, accountSid, apiToken }) {
  const headers = { authorization: `Basic ${btoa(`${accountSid}:${apiToken}`)}`, accept: "application/json" };
  const collection = (/** @type {string} */ conferenceSid) =>
    `${apiBaseUrl}/Accounts/${encodeURIComponent(accountSid)}/Conferences/${encodeURIComponent(conferenceSid)}/Participants`;

  /** @returns {Promise<{ participants: unknown[], next_page_uri: string | null }>} */
  async function getPage(/** @type {string} */ url) {
    const response = await fetch(url, { headers });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
    return JSON.parse(text);
  }

  return {
    async listPage(conferenceSid, pageSize) {
      return (await getPage(`${collection(conferenceSid)}?PageSize=${pageSize}`)).participants;
    },
    async listAll(conferenceSid, pageSize, visit) {
      let url = `${collection(conferenceSid)}?PageSize=${pageSize}`;
      for (;;) {
        const page = await getPage(url);
        for (const participant of page.participants) visit(participant);
        if (!page.next_page_uri) return;
        url = origin + page.next_page_uri;
      }
    },
  };
}
