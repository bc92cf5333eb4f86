import type { Participant } from "@laml/types";
import type { ConferenceEvent } from "../../src/roster/conference-event.js";
import { fakeFetch, json, lamlError } from "../support/fake-fetch.js";
import { CONFERENCE_SID, PARTICIPANTS_PATH, PROJECT_ID, page, participant, testClient } from "../support/fixtures.js";

/** A time `s` seconds into the test conference, as the API and callbacks write it. */
export const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 21, 0, s)).toUTCString().replace(/GMT$/, "+0000");

/** Participant `n`, last updated at second `s`. */
export const member = (n: number, s = 0, fields: Partial<Participant> = {}) =>
  participant(n, { date_updated: at(s), muted: false, ...fields });

/** A parsed status callback of the test conference about participant `n`, at second `s`. */
export const callback = (kind: string, n: number, s: number, fields: Partial<ConferenceEvent> = {}): ConferenceEvent =>
  ({
    AccountSid: PROJECT_ID,
    StatusCallbackEvent: kind,
    ConferenceSid: CONFERENCE_SID,
    CallSid: participant(n).call_sid,
    Timestamp: at(s),
    ...fields,
  }) as ConferenceEvent;

/** Something that can be let go later: a held answer. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/**
 * A conference served by the client's fake fetch: lists (in pages of `pageSize`) and gets answer
 * from `people` as it is when the request arrives, after `hold` (when set) opens. `fail` makes the
 * next requests fail with that status.
 */
export function fakeConference(people: Participant[], pageSize = 50) {
  const state = { people, hold: undefined as Promise<void> | undefined, fail: [] as number[] };
  const answer = async (request: Request): Promise<Response> => {
    const seen = state.people.map((p) => ({ ...p }));
    if (state.hold) await state.hold;
    const status = state.fail.shift();
    if (status) return lamlError(status, status * 100, `failed with ${status}`);
    const url = new URL(request.url);
    const one = url.pathname.match(/\/Participants\/([^/]+)$/)?.[1];
    if (one) {
      const found = seen.find((p) => p.call_sid === one);
      return found ? json(found) : lamlError(404, 20404, "The requested resource was not found");
    }
    const index = Number(url.searchParams.get("Page") ?? 0);
    const items = seen.slice(index * pageSize, (index + 1) * pageSize);
    const next = (index + 1) * pageSize < seen.length ? `${PARTICIPANTS_PATH}?Page=${index + 1}` : null;
    return json(page(items, next, index));
  };
  // Every request answered by `answer`, however many come.
  const { fetch, requests } = fakeFetch(...Array.from({ length: 1000 }, () => answer));
  return { state, requests, laml: testClient(fetch, { maxRetries: 0 }) };
}
