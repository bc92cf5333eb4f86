/** What `onRequest` is told before an attempt is sent. */
export interface RequestEvent {
  method: string;
  /** The full URL, query included (credentials never travel in it). */
  url: string;
  /** The headers about to be sent, a copy: `Authorization` reads `[redacted]`. */
  headers: Headers;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
}

/** What `onResponse` is told after an attempt: its answer's status and headers, or why it had none. */
export interface ResponseEvent {
  method: string;
  url: string;
  attempt: number;
  /** From the attempt's start to its answer's headers (or its failure), in milliseconds. */
  durationMs: number;
  /** The answer's status; undefined when the attempt failed (`error`). */
  status: number | undefined;
  /** The answer's headers (rate-limit and request-id headers, when the API sent them). */
  headers: Headers | undefined;
  /** The network error or `TimeoutError`, when the attempt had no answer. */
  error: unknown;
}

/** What `onRetry` is told when a failed attempt is followed by another. */
export interface RetryEvent {
  method: string;
  url: string;
  /** The number of the attempt about to be sent: 2 for the first retry. */
  attempt: number;
  /** How long the client waits before it, in milliseconds. */
  delayMs: number;
  /** The failed attempt's status, or undefined when it had no answer. */
  status: number | undefined;
  /** The failed attempt's network error or `TimeoutError`, when it had no answer. */
  error: unknown;
}

/**
 * Hooks for tracing and metrics: they see every attempt of every request, from resource methods
 * and `withRaw(laml).raw` alike, and are awaited. One that throws fails the call with a `LamlClientError`
 * naming it (its error as the cause).
 */
export interface LamlHooks {
  onRequest?: (event: RequestEvent) => void | Promise<void>;
  onResponse?: (event: ResponseEvent) => void | Promise<void>;
  onRetry?: (event: RetryEvent) => void | Promise<void>;
}

/** A console-shaped logger: `console`, pino and winston fit. */
export interface LamlLogger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** The log levels, quietest first; each one logs its own lines and those of the levels before it. */
export const LOG_LEVELS = ["off", "error", "warn", "info", "debug"] as const;

/** How much the client logs (see "Logging" in the README). */
export type LogLevel = (typeof LOG_LEVELS)[number];
