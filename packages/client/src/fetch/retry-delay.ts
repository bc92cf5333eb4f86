import type { components } from "@laml/types";

/** The header that says how long to wait, named as the spec's `TooManyRequests` response has it. */
const RETRY_AFTER = "Retry-After" satisfies KnownKeys<components["responses"]["TooManyRequests"]["headers"]>;
/** The same wait in milliseconds: not documented by SignalWire (nor in the spec), read when an answer has it. */
const RETRY_AFTER_MS = "retry-after-ms";
type KnownKeys<T> = keyof { [Key in keyof T as string extends Key ? never : Key]: T[Key] };

/** What the policy looks at in an attempt: its answer, or why it had none. */
export interface AttemptOutcome {
  readonly response: Response | undefined;
  readonly failure: unknown;
  readonly timedOut: boolean;
}

/** Statuses after which an idempotent request is sent again; any request is after 429 (not processed). */
const RETRY_STATUSES = [500, 502, 503, 504];

/** The longest `Retry-After` the client waits for; a longer one ends the retries (see the README). */
const MAX_RETRY_AFTER_MS = 60_000;

/** The backoff before the first retry when the server gives no `Retry-After`, doubling each time. */
const BASE_DELAY_MS = 500;

/** The longest backoff between two attempts when the server gives no `Retry-After`. */
const MAX_BACKOFF_MS = 20_000;

/**
 * The retry policy: how long to wait before retry number `retry` (0 for the first) after
 * `outcome`, or `undefined` when it is not retried. The API's only non-idempotent method is POST
 * (update), retried only after 429; an idempotent request also after a status in `RETRY_STATUSES`,
 * a network error (TypeError) or a timeout. The wait is the server's `retry-after-ms` or `Retry-After` (seconds or an HTTP
 * date, a past one meaning now) when it sent one, else exponential backoff with full jitter. It is worked
 * out only for a retry, so a success costs nothing more.
 */
export function retryDelay(
  outcome: AttemptOutcome,
  idempotent: boolean,
  retry: number,
  maxRetries: number,
): number | undefined {
  const { response } = outcome;
  const retryable = response
    ? response.status === 429 || (idempotent && RETRY_STATUSES.includes(response.status))
    : idempotent && (outcome.failure instanceof TypeError || outcome.timedOut);
  if (!retryable || retry >= maxRetries) return undefined;
  // `retry-after-ms` (milliseconds, which Stainless-generated SDKs such as openai-node read first) is finer, so it wins.
  const precise = Number(response?.headers.get(RETRY_AFTER_MS) || NaN);
  const retryAfter = response?.headers.get(RETRY_AFTER);
  const seconds = Number(retryAfter || NaN);
  const ms = precise >= 0 ? precise : seconds >= 0 ? seconds * 1000 : Date.parse(retryAfter ?? "") - Date.now();
  if (Number.isNaN(ms)) return Math.random() * Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** retry);
  return ms > MAX_RETRY_AFTER_MS ? undefined : Math.max(0, ms);
}
