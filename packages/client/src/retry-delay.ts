/** The longest `Retry-After` the client waits for; a longer one ends the retries (see the README). */
export const MAX_RETRY_AFTER_MS = 60_000;

/** The backoff before the first retry when the server gives no `Retry-After`, doubling each time. */
const BASE_DELAY_MS = 500;

/** The longest backoff between two attempts when the server gives no `Retry-After`. */
const MAX_BACKOFF_MS = 20_000;

/**
 * How long to wait before retry number `retry` (0 for the first): the server's `Retry-After`
 * (seconds or an HTTP date, a past one meaning now) when it sent one, else exponential backoff
 * with full jitter.
 */
export function retryDelay(retry: number, retryAfter: string | null | undefined): number {
  const seconds = Number(retryAfter || NaN);
  const ms = seconds >= 0 ? seconds * 1000 : Date.parse(retryAfter ?? "") - Date.now();
  if (!Number.isNaN(ms)) return Math.max(0, ms);
  return Math.random() * Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** retry);
}
