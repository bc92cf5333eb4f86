import type { operations } from "@laml/types";

/**
 * The request parameters Twilio's API takes on these operations and SignalWire's does not (the
 * list's `Coaching` filter; the update's `BeepOnExit` and `EndConferenceOnExit`), so that a
 * request ported from Twilio is told why they are refused. The spec's descriptions name each
 * (test/spec-facts.test.ts checks), and none is one of the spec's parameters.
 */
export const TWILIO_ONLY = {
  listParticipants: ["Coaching"],
  updateParticipant: ["BeepOnExit", "EndConferenceOnExit"],
} as const satisfies Partial<Record<keyof operations, readonly string[]>>;

/** The Twilio-only parameters of an operation (none for most). */
export function twilioOnly(operationId: string): readonly string[] {
  return (TWILIO_ONLY as Partial<Record<string, readonly string[]>>)[operationId] ?? [];
}
