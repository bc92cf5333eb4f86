/**
 * Whether the client's `get` failed with HTTP 404: the participant has left. Read from the error's
 * fields, not `instanceof LamlApiError`: a CommonJS app loads this entry and the core as separate
 * bundles, each with its own copy of the class.
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === "LamlApiError" && (error as { status?: unknown }).status === 404;
}
