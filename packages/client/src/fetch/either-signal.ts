/**
 * The signal that aborts when either does: a call's own and the one given to `withOptions()`.
 * `AbortSignal.any` lets go of its sources' listeners once its result is garbage-collected, so a
 * long-lived client signal does not collect one listener per call.
 */
export function eitherSignal(
  first: AbortSignal | null | undefined,
  second: AbortSignal | null | undefined,
): AbortSignal | null | undefined {
  return first && second ? AbortSignal.any([first, second]) : (first ?? second);
}
