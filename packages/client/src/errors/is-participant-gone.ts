/**
 * Whether a request failed because its participant is not in the conference (any more): HTTP 404
 * with the spec's not-found code, as bulk moderation and the roster both tell it from a failure.
 * Read from the error's fields, not `instanceof LamlApiError`: a CommonJS app loads those entries
 * and the core as separate bundles, each with its own copy of the class.
 */
export function isParticipantGone(error: unknown): boolean {
  const { status, code } = error as { status?: unknown; code?: unknown };
  return error instanceof Error && error.name === "LamlApiError" && status === 404 && code === __LAML_NOT_FOUND_CODE__;
}
