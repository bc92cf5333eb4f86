import { mulberry32 } from "../faults/mulberry32.js";
import type { Sandbox } from "../start-sandbox.js";
import { demoUuid } from "./demo.js";

/** How the demo conference moves under `--live`. */
export interface LiveDemoOptions {
  projectId: string;
  conferenceSid: string;
  /** The same seed makes the same moves, in the same order. */
  seed: number;
  /** The mean time between moves, in ms: slow enough to watch a roster change. */
  meanIntervalMs?: number;
  /** Called with a line per move. */
  log?: (line: string) => void;
}

/** The range the live conference's size stays in. */
const SIZE = { min: 24, max: 44 };

/**
 * Makes a conference move on its own: every couple of seconds someone joins, leaves, is muted or
 * unmuted, put on hold or taken off it, each through the sandbox's own API (so callbacks go out
 * as for any other change). The host (whoever has `end_conference_on_exit`) never leaves, so the
 * conference keeps going. Returns a function that stops it.
 */
export function startLiveDemo(sandbox: Sandbox, options: LiveDemoOptions): () => void {
  const { projectId, conferenceSid, seed, meanIntervalMs = 2500, log } = options;
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  let joined = 0;
  let timer: NodeJS.Timeout | undefined;

  const move = () => {
    const everyone = sandbox.participants(projectId, conferenceSid);
    const guests = everyone.filter((p) => !p.end_conference_on_exit);
    const who = pick(guests);
    const roll = random();
    const short = (callSid: string) => callSid.slice(0, 8);
    if ((roll < 0.2 && everyone.length < SIZE.max) || !who) {
      const callSid = demoUuid(`live ${seed} ${joined++}`);
      sandbox.addParticipant(projectId, conferenceSid, { call_sid: callSid, muted: random() < 0.3 });
      log?.(`live: ${short(callSid)} joined (${everyone.length + 1} in)`);
    } else if (roll < 0.4 && everyone.length > SIZE.min) {
      sandbox.removeParticipant(projectId, conferenceSid, who.call_sid);
      log?.(`live: ${short(who.call_sid)} left (${everyone.length - 1} in)`);
    } else if (roll < 0.75) {
      sandbox.updateParticipant(projectId, conferenceSid, who.call_sid, { muted: !who.muted });
      log?.(`live: ${short(who.call_sid)} ${who.muted ? "unmuted" : "muted"}`);
    } else {
      sandbox.updateParticipant(projectId, conferenceSid, who.call_sid, { hold: !who.hold });
      log?.(`live: ${short(who.call_sid)} ${who.hold ? "taken off hold" : "put on hold"}`);
    }
  };

  const schedule = () => {
    // Between half and one and a half times the mean, so the pace is even but not mechanical.
    timer = setTimeout(
      () => {
        try {
          move();
        } catch (error) {
          // The conference was ended from outside (its host removed): nothing is left to move.
          log?.(`live: stopped, ${(error as Error).message}`);
          return;
        }
        schedule();
      },
      meanIntervalMs * (0.5 + random()),
    );
  };
  schedule();
  return () => clearTimeout(timer);
}
