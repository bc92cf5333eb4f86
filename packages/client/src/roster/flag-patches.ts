import type { Participant } from "@laml/types";

/** What each flag callback sets. Its keys are pinned to the spec's event names by a test. */
export const FLAG_PATCHES: ReadonlyMap<string, Partial<Pick<Participant, "muted" | "hold">>> = new Map([
  ["participant-mute", { muted: true }],
  ["participant-unmute", { muted: false }],
  ["participant-hold", { hold: true }],
  ["participant-unhold", { hold: false }],
]);
