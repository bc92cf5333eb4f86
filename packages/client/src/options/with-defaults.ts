import { eitherSignal } from "../fetch/either-signal.js";
import { maxRetriesOf, timeoutMsOf } from "./attempt-limits.js";
import type { RequestOptions } from "./request-options.js";
import type { ResolvedOptions } from "./resolve-options.js";

/** The options of `laml.withOptions()`: `resolved` with new defaults for every call, checked as the client's are. */
export function withDefaults(resolved: ResolvedOptions, options: RequestOptions): ResolvedOptions {
  const { signal, timeoutMs, maxRetries, headers } = options;
  let merged = resolved.headers;
  if (headers) {
    merged = new Headers(resolved.headers);
    for (const [name, value] of new Headers(headers)) merged.set(name, value);
  }
  return {
    ...resolved,
    timeoutMs: timeoutMsOf(timeoutMs, resolved.timeoutMs),
    maxRetries: maxRetriesOf(maxRetries, resolved.maxRetries),
    headers: merged,
    signal: eitherSignal(signal, resolved.signal) ?? undefined,
  };
}
