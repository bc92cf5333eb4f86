import { createHash } from "node:crypto";
import type { StatusCallbackOptions } from "../callbacks/parse-subscription.js";
import type { SandboxSeed } from "../state/apply-seed.js";
import { formatRfc2822 } from "../state/format-rfc2822.js";
import type { ParticipantFields } from "../state/sandbox-state.js";

/**
 * The demo account and conference that `pnpm start` serves. These credentials are public, fixed
 * so that the docs can show them: they are for the local sandbox only and are never a real
 * SignalWire token.
 */
export const DEMO = {
  projectId: "de30de30-0000-4000-8000-000000000001",
  apiToken: "PTdemo-sandbox-only-not-a-secret",
  signingKey: "PSK_demo-sandbox-only-not-a-secret",
  conferenceSid: "cafe0000-0000-4000-8000-00000000c0f1",
  friendlyName: "Demo stand-up",
} as const;

/** How many participants the demo conference has. */
export const DEMO_PARTICIPANTS = 36;

/** The page size of the banner's curl line: a first page smaller than the demo conference. */
export const DEMO_PAGE_SIZE = 5;

/**
 * The demo data: one conference whose participants joined over the last hour, some muted, some
 * on hold, one coaching another. Call SIDs are fixed so the docs can refer to them.
 */
export function demoSeed(now: number, subscription: StatusCallbackOptions = {}): SandboxSeed {
  const callSids = Array.from({ length: DEMO_PARTICIPANTS }, (_, i) => demoUuid(`participant ${i}`));
  const participants = callSids.map((call_sid, i): ParticipantFields => {
    const joined = formatRfc2822(now - (DEMO_PARTICIPANTS - i) * 97_000);
    const coaching = i === 5;
    return {
      call_sid,
      date_created: joined,
      date_updated: joined,
      muted: i % 3 === 1,
      hold: i % 7 === 6,
      // The first to join hosts: the conference starts with them and ends when they leave.
      start_conference_on_enter: i === 0,
      end_conference_on_exit: i === 0,
      coaching,
      call_sid_to_coach: coaching ? (callSids[4] ?? null) : null,
    };
  });
  const { projectId, apiToken, signingKey, conferenceSid: sid, friendlyName } = DEMO;
  return {
    accounts: [
      { projectId, apiToken, signingKey, conferences: [{ sid, friendlyName, ...subscription, participants }] },
    ],
  };
}

/** A stable UUID (version 4 layout) derived from a name. */
export function demoUuid(name: string): string {
  const hex = createHash("sha256").update(`laml demo ${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
