import type { Participant } from "@laml/types";

/** The fields whose values differ between two versions of a participant (all are scalars). */
export function changedFields(before: Participant, after: Participant): (keyof Participant)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Participant)[]);
  return [...keys].filter((key) => before[key] !== after[key]);
}
