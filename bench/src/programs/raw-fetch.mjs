// The baseline: global fetch, a status check, JSON.parse, and next_page_uri followed by hand;
// and the same list call with a timeout, as a timeout signal and as the client's per-attempt one.

/** @import { Connect, ListAll, ListEveryone, ListPage } from "../program.js" */
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

/**
 * `read` under a timeout as the client keeps one per attempt: its own `AbortController` and a
 * timer, cleared once the body is read: the floor for a client that keeps a timeout on every
 * attempt, so that the client's own cost shows apart from the timeout's.
 * @template T
 * @param {string} url
 * @param {(signal: AbortSignal) => Promise<T>} read
 * @returns {Promise<T>}
 */
async function withAttemptTimeout(url, read) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`GET ${url} timed out`, "TimeoutError")), 30_000);
  try {
    return await read(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** @type {ListPage<Raw>} */
export async function listPageWithAttemptTimeout(raw, conferenceSid, pageSize) {
  const url = `${raw.collection(conferenceSid)}?PageSize=${pageSize}`;
  return (await withAttemptTimeout(url, (signal) => getPage(raw, url, signal))).participants;
}

/**
 * The same-timeout call after one turn of the event loop (`setImmediate`), as the client waits
 * before an attempt without a backoff so that Node's fetch has put the last answer's connection
 * back in its pool: what that wait for one connection costs apart from the client's other work.
 * @type {ListPage<Raw>}
 */
export async function listPageAfterTurn(raw, conferenceSid, pageSize) {
  await new Promise((resolve) => setImmediate(resolve));
  return listPageWithAttemptTimeout(raw, conferenceSid, pageSize);
}

/**
 * Every participant from `url` on, following `next_page_uri`; with `attemptTimeout`, each page
 * under the client's kind of timeout.
 * @param {Raw} raw
 * @param {string} url
 * @param {(participant: unknown) => void} visit
 * @param {boolean} [attemptTimeout]
 */
async function followPages(raw, url, visit, attemptTimeout) {
  for (let next = url; ; ) {
    const at = next;
    const page = await (attemptTimeout
      ? withAttemptTimeout(at, (signal) => getPage(raw, at, signal))
      : getPage(raw, at));
    for (const participant of page.participants) visit(participant);
    if (!page.next_page_uri) return;
    next = raw.origin + page.next_page_uri;
  }
}

/** @type {ListAll<Raw>} */
export function listAll(raw, conferenceSid, pageSize, visit) {
  return followPages(raw, `${raw.collection(conferenceSid)}?PageSize=${pageSize}`, visit);
}

/** @type {ListAll<Raw>} */
export function listAllWithAttemptTimeout(raw, conferenceSid, pageSize, visit) {
  return followPages(raw, `${raw.collection(conferenceSid)}?PageSize=${pageSize}`, visit, true);
}

/**
 * Every participant at the API's default page size: the loop people write first.
 * @type {ListEveryone<Raw>}
 */
export function listEveryone(raw, conferenceSid, visit) {
  return followPages(raw, raw.collection(conferenceSid), visit);
}
