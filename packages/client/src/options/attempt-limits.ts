import { wholeNumber } from "./whole-number.js";

// setTimeout fires at once beyond 2^31 - 1 ms, so that is the ceiling.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** `timeoutMs` checked (1 to 2^31 - 1), or `fallback` when unset: for the client, `withOptions()` and a call. */
export function timeoutMsOf(value: number | undefined, fallback: number): number {
  return wholeNumber(value, "timeoutMs", fallback, 1, MAX_TIMEOUT_MS);
}

/** `maxRetries` checked (0 to 10), or `fallback` when unset. */
export function maxRetriesOf(value: number | undefined, fallback: number): number {
  return wholeNumber(value, "maxRetries", fallback, 0, 10);
}
