import { LamlClientError } from "../errors/laml-client-error.js";
import type { AttemptOutcome } from "./retry-delay.js";

/**
 * Node's fetch (undici) puts a connection back in its pool a turn of the event loop after the
 * answer on it ends (in case the server closes it after all), so a request sent sooner opens a
 * second connection. An attempt without a backoff first waits for that turn, which in Node, Bun
 * and Deno is `setImmediate`'s: sequential calls then share one connection. Browsers have no
 * `setImmediate` and pool connections their own way. Taken when the module loads, so that a
 * test's fake timers, installed later, do not hold every request back until they are advanced.
 */
const { setImmediate } = globalThis as { setImmediate?: (callback: () => void) => unknown };

/** The turn `setImmediate` waits for, or nothing where there is none. */
function nextTurn(): Promise<void> | undefined {
  return setImmediate && new Promise((resolve) => setImmediate(resolve));
}

/** What every attempt of one request sends, prepared once by the fetch wrapper. */
export interface AttemptRequest {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Absolute, on the client's origin. */
  url: string;
  method: string;
  headers: HeadersInit;
  body: string | null | undefined;
  timeoutMs: number;
  /** The caller's signal: its abort ends the attempt, and is final. */
  signal: AbortSignal | null | undefined;
}

/**
 * One attempt of a request: its own controller, aborted by its timeout or by the caller's abort;
 * the backoff before it; and, when its answer is the one returned, the cover over its body. The
 * attempt is itself the caller's abort listener and its timer's argument, so no closure is made
 * per attempt.
 */
export class Attempt implements AttemptOutcome {
  response: Response | undefined;
  failure: unknown;
  /** Whether the attempt failed before it was sent: its `before` (a hook) threw. */
  failedBefore = false;
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  // Rejects what the attempt waits for (the backoff, the answer, the body) when it is aborted.
  private interrupt: ((reason: unknown) => void) | undefined;

  constructor(private readonly request: AttemptRequest) {
    request.signal?.addEventListener("abort", this);
  }

  /** An aborted attempt whose caller did not abort timed out. */
  get timedOut(): boolean {
    return this.controller.signal.aborted;
  }

  /**
   * Waits `delay` ms (with none, a turn: `nextTurn`), then awaits `before` (the hooks), then
   * sends; sets `response` or `failure`. Rejects only with the caller's abort.
   */
  async send(delay: number, before?: () => Promise<void>): Promise<void> {
    const { fetch, url, method, headers, body, timeoutMs, signal } = this.request;
    try {
      if (delay) await this.wait(new Promise((resolve) => (this.timer = setTimeout(resolve, delay))));
      else {
        // A turn is over at once, so an abort during it need not interrupt it: it is seen after.
        const turn = nextTurn();
        if (turn) {
          await turn;
          signal?.throwIfAborted();
        }
      }
      if (before) {
        this.failedBefore = true;
        await this.wait(before());
        this.failedBefore = false;
      }
      this.timer = setTimeout(Attempt.timeOut, timeoutMs, this);
      // A redirect is not followed: credentials would go along to wherever it points.
      const init: RequestInit = { method, headers, body, signal: this.controller.signal, redirect: "manual" };
      this.response = await this.wait(fetch(url, init));
    } catch (error) {
      this.failure = this.timedOut ? this.controller.signal.reason : error;
    }
    // A user's abort is final: never retried.
    signal?.throwIfAborted();
  }

  /**
   * Hands the outcome to the caller: the answer with its body covered, or the failure, a network
   * error named after the request and its innermost cause (fetch's own says only "fetch failed",
   * the reason two causes deep; the cause is kept). A blocked redirect is a `LamlClientError`.
   */
  end(): Response {
    const { response, failure } = this;
    const { method, url } = this.request;
    // A browser answers `redirect: "manual"` with an empty, unreadable response of status 0.
    if (response?.type === "opaqueredirect") {
      this.settle();
      throw new LamlClientError(
        `${method} ${new URL(url).pathname} was redirected, and the client follows no redirect so that credentials never go elsewhere. Check that spaceUrl is your space's own origin (https://<space>.signalwire.com).`,
      );
    }
    if (response) return this.cover(response);
    this.settle();
    if (!(failure instanceof TypeError)) throw failure;
    const reason = innermost(failure);
    const detail = reason === failure ? "" : ` (${(reason as Error).message || (reason as { code?: string }).code})`;
    throw new TypeError(`${method} ${new URL(url).pathname}: ${failure.message}${detail}`, { cause: failure });
  }

  /**
   * Ends the timer and the link to the caller's signal. It also lets go of the last wait, whose
   * promise holds what it resolved to (the body): kept, it made full garbage collections more
   * frequent (bench/README.md).
   */
  settle(): void {
    this.interrupt = undefined;
    clearTimeout(this.timer);
    this.request.signal?.removeEventListener("abort", this);
  }

  /**
   * Aborts the attempt and ends at once whatever waits on it, even a fetch that misses the abort:
   * a Request's signal stops following ours once the Request is garbage-collected (in Node), and
   * a test double may not listen at all.
   */
  abort(reason: unknown): void {
    this.interrupt?.(reason);
    this.settle();
    this.controller.abort(reason);
  }

  /** Ends `attempt` with a `TimeoutError` naming the request (its timer's callback). */
  private static timeOut(attempt: Attempt): void {
    const { method, url, timeoutMs } = attempt.request;
    attempt.abort(new DOMException(`${method} ${url} timed out after ${timeoutMs} ms (timeoutMs)`, "TimeoutError"));
  }

  /** The caller's abort (the attempt is an `EventListenerObject`). */
  handleEvent(): void {
    this.abort(this.request.signal?.reason);
  }

  /** Waits for `promise` unless the attempt is aborted first. */
  private wait<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.interrupt = reject;
      promise.then(resolve, reject);
    });
  }

  /**
   * Keeps the timeout and the caller's abort over the reading of the body, settling once it is
   * read. openapi-fetch and paging read bodies with these two methods, so wrapping them on this
   * response is all it takes (with another `parseAs`, the timer settles later); reading the body
   * here instead, in a clone or a copy, made every call slower (bench/README.md).
   */
  private cover(response: Response): Response {
    if (!response.body) this.settle();
    for (const read of ["json", "text"] as const) {
      const original = response[read] as () => Promise<unknown>;
      // Not `finally`, which makes a promise and a closure more for each read.
      (response as unknown as Record<string, unknown>)[read] = () =>
        this.wait(original.call(response)).then(
          (value) => {
            this.settle();
            return value;
          },
          (error: unknown) => {
            this.settle();
            throw error;
          },
        );
    }
    return response;
  }
}

/** The deepest `cause` (or first of an `AggregateError`'s `errors`, as Node reports a refused dual-stack connect). */
function innermost(error: unknown): unknown {
  const { cause, errors } = error as { cause?: unknown; errors?: unknown[] };
  const deeper = cause ?? errors?.[0];
  return deeper instanceof Error ? innermost(deeper) : error;
}
