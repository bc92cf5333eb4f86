import { LamlClientError } from "../errors/laml-client-error.js";
import type { AttemptRequest } from "../fetch/attempt.js";
import type { AttemptOutcome } from "../fetch/retry-delay.js";
import { type LamlHooks, type LamlLogger, LOG_LEVELS, type LogLevel } from "./hooks.js";

/** What the fetch wrapper tells about each attempt; absent when no hook and no logging is set. */
export interface Observer {
  /** Before an attempt is sent (after its backoff): `onRequest`. */
  request(request: AttemptRequest, attempt: number): Promise<void>;
  /** After it: `onResponse`, `onRetry` when `delay` says another attempt follows, and the log lines. */
  after(
    outcome: AttemptOutcome,
    request: AttemptRequest,
    attempt: number,
    durationMs: number,
    delay: number | undefined,
  ): Promise<void>;
}

/** Awaits a hook; what it throws fails the call, naming the hook. */
async function callHook<Event>(name: string, hook: (event: Event) => void | Promise<void>, event: Event) {
  try {
    await hook(event);
  } catch (error) {
    throw new LamlClientError(
      `The ${name} hook threw: ${(error as Error)?.message ?? error}. Fix or catch it in the hook.`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Builds the hooks and the log lines into one observer, or returns undefined when there is
 * nothing to tell, so that the wrapper's only cost then is one check per attempt. Log lines carry
 * the method, path, status, time and retry number: never a header, so never a credential.
 */
export function createObserver(hooks: LamlHooks, level: LogLevel, logger: LamlLogger): Observer | undefined {
  const { onRequest, onResponse, onRetry } = hooks;
  const rank = LOG_LEVELS.indexOf(level);
  if (!onRequest && !onResponse && !onRetry && !rank) return undefined;
  return {
    async request({ method, url, headers }, attempt) {
      if (!onRequest) return;
      const shown = new Headers(headers);
      shown.set("Authorization", "[redacted]");
      await callHook("onRequest", onRequest, { method, url, headers: shown, attempt });
    },
    async after({ response, failure }, { method, url }, attempt, durationMs, delay) {
      const status = response?.status;
      const error = response ? undefined : failure;
      if (onResponse) {
        const event = { method, url, attempt, durationMs, status, headers: response?.headers, error };
        await callHook("onResponse", onResponse, event);
      }
      if (onRetry && delay !== undefined) {
        await callHook("onRetry", onRetry, {
          method,
          url,
          attempt: attempt + 1,
          delayMs: delay,
          status,
          error,
        });
      }
      if (!rank) return;
      const { pathname, search } = new URL(url);
      const line = `laml: ${method} ${pathname}${search} ${status ?? (error as Error)?.name}`;
      if (rank > 3) logger.debug(`${line} ${Math.round(durationMs)} ms, retry ${attempt - 1}`);
      if (delay !== undefined) {
        if (rank > 1) logger.warn(`${line}: retry ${attempt} of the request in ${Math.round(delay)} ms`);
      } else if (status === undefined || status === 429 || status >= 500) {
        if (rank > 0) logger.error(`${line}: failed after ${attempt} attempt${attempt > 1 ? "s" : ""}`);
      } else if (rank > 2) {
        logger.info(`${line} after ${attempt} attempt${attempt > 1 ? "s" : ""}`);
      }
    },
  };
}
