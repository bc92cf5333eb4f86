/**
 * Whether a request failed because its participant is not in the conference (any more): HTTP 404
 * with the spec's not-found code. Read from the error's fields, not `instanceof LamlApiError`: a
 * CommonJS app loads this entry and the core as separate bundles, each with its own copy of the class.
 */
export function isGone(error: unknown): boolean {
  const { status, code } = error as { status?: unknown; code?: unknown };
  return error instanceof Error && error.name === "LamlApiError" && status === 404 && code === __LAML_NOT_FOUND_CODE__;
}
