import { isParticipantGone } from "../errors/is-participant-gone.js";
import type { RequestOptions } from "../options/request-options.js";
import type { ParticipantsResource } from "../resources/participants/participants-resource.js";
import type { BulkFailure, BulkOptions } from "./bulk-options.js";

/** The requests in flight when `concurrency` is not given. */
const DEFAULT_CONCURRENCY = 8;

/** What one participant's request came to, by listing order. */
type Outcome<T> = { done: T } | { gone: true } | { failed: unknown };

/** What a bulk call did: the results of the requests that succeeded, and who was gone or failed. */
export interface BulkOutcome<T> {
  done: T[];
  gone: string[];
  failed: BulkFailure[];
}

/**
 * Lists the conference's participants matching `where`, then runs `act` once for each one not in
 * `except`, with at most `concurrency` requests in flight, and sorts the outcomes: a 404 with the
 * not-found code is gone, any other error a failure; no failure stops the others.
 *
 * The listing is finished before the first request is sent (not overlapped with it). Overlapping
 * saves at most one round trip per page after the first, and pages are the API's largest (1000),
 * so at concurrency `c` it saves about `c`/1000 of the wall time; but it would change the
 * filter's result while it is paged (muting while listing `{ Muted: false }`, removing while
 * listing anyone), and the API does not document that its cursor survives that: a server whose
 * page token is an offset into the filtered list, or that rejects a cursor naming a participant
 * no longer in it, would skip people or fail (docs/decisions.md, "Bulk moderation lists first").
 * A participant listed twice is acted on once.
 */
export async function forEachParticipant<T>(
  participants: Pick<ParticipantsResource, "list">,
  conferenceSid: string,
  { where, except, concurrency = DEFAULT_CONCURRENCY, ...options }: BulkOptions,
  act: (callSid: string, options: RequestOptions) => Promise<T>,
): Promise<BulkOutcome<T>> {
  if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new RangeError(
      `Invalid concurrency ${String(concurrency)}: pass a whole number of requests in flight from 1 (one after another) up, e.g. 8 (the default).`,
    );
  }
  // A string is iterable too, by character: one CallSid passed alone would exclude no one.
  if (typeof except === "string") {
    throw new TypeError(`Invalid except "${except}": pass an array or a Set of CallSids, e.g. ["${except}"].`);
  }
  const { signal } = options;
  const left = new Set(except);
  const callSids = new Set<string>();
  // list() asks for the API's largest page by itself, as few requests as the listing can take.
  const listing = participants.list(conferenceSid, { ...where, ...options });
  for await (const { call_sid } of listing) {
    if (!left.has(call_sid)) callSids.add(call_sid);
  }
  const queue = [...callSids];
  const outcomes: Outcome<T>[] = [];
  let next = 0;
  // Each worker takes the next participant as soon as its request ends, so `concurrency` are in flight.
  const work = async () => {
    while (next < queue.length && !signal?.aborted) {
      const index = next++;
      try {
        outcomes[index] = { done: await act(queue[index] as string, options) };
      } catch (error) {
        outcomes[index] = isParticipantGone(error) ? { gone: true } : { failed: error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, work));
  // The requests in flight when it aborted have rejected with its reason by now.
  signal?.throwIfAborted();
  const outcome: BulkOutcome<T> = { done: [], gone: [], failed: [] };
  queue.forEach((callSid, index) => {
    const result = outcomes[index] as Outcome<T>;
    if ("done" in result) outcome.done.push(result.done);
    else if ("gone" in result) outcome.gone.push(callSid);
    else outcome.failed.push({ callSid, error: result.failed });
  });
  return outcome;
}
