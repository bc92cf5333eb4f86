import type { LamlClient } from "../create-laml-client.js";
import { LiveRoster } from "./live-roster.js";
import type { Roster, RosterOptions } from "./roster.js";

/** The default time between re-listings: callbacks can be lost, so the picture is checked this often. */
const RECONCILE_EVERY_MS = 30_000;

/**
 * Lists the conference, then keeps its picture true: feed it status callbacks with `apply()`;
 * it re-lists every `reconcileEveryMs` to correct what lost or reordered callbacks got wrong.
 */
export async function createRoster(
  laml: Pick<LamlClient, "participants">,
  conferenceSid: string,
  { reconcileEveryMs = RECONCILE_EVERY_MS, signal }: RosterOptions = {},
): Promise<Roster> {
  if (!(Number.isInteger(reconcileEveryMs) && reconcileEveryMs >= 0 && reconcileEveryMs <= 2_147_483_647)) {
    throw new RangeError(
      `Invalid reconcileEveryMs ${String(reconcileEveryMs)}: pass whole milliseconds from 0 (off) to 2147483647, e.g. 30000.`,
    );
  }
  signal?.throwIfAborted();
  const roster = new LiveRoster(laml, conferenceSid, signal);
  try {
    await roster.reconcile();
  } catch (error) {
    roster.close();
    throw error;
  }
  roster.start(reconcileEveryMs);
  return roster;
}
