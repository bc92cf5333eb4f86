import type { Conference, ConferenceChange } from "../state/conference.js";
import type { CallbackFaultInjector, CallbackFaultKind } from "./callback-fault-injector.js";
import { type CallbackMessage, callbackMessages } from "./callback-fields.js";
import type { CallbackSubscription } from "./parse-subscription.js";

/** One delivery attempt of a status callback, as `sb.callbacks.deliveries` records it. */
export interface CallbackDelivery {
  /** The `StatusCallbackEvent`. */
  event: string;
  conferenceSid: string;
  /** The participant, for participant events. */
  callSid: string | undefined;
  method: "POST" | "GET";
  /** The URL posted to (for GET, with the fields in its query). */
  url: string;
  /** The form fields sent, as text. */
  fields: Record<string, string>;
  /** The fault injected, if any: a dropped callback is recorded but never sent. */
  fault: CallbackFaultKind | undefined;
  /** The status the target answered with; undefined when it did not answer (see `error`) or was not sent. */
  status: number | undefined;
  /** Why the target gave no answer: refused, timed out, closed. */
  error: string | undefined;
  /** When it was sent (or dropped), in ms since the epoch by the sandbox's clock. */
  at: number;
  /** How long the target took to answer, in ms. */
  durationMs: number;
}

/** What the dispatcher needs from the rest of the sandbox. */
export interface DispatcherOptions {
  faults: CallbackFaultInjector;
  /** The `X-SignalWire-Signature` of a callback of this account; the key stays with the caller. */
  sign: (projectId: string, url: string, fields: readonly (readonly [string, string])[]) => string;
  /** The `ApiVersion` field. */
  apiVersion: string;
  now: () => number;
  /** How long to wait for a target's answer, in ms. */
  timeoutMs: number;
  log?: (line: string) => void;
}

/**
 * Sends status callbacks: for each change of a subscribed conference, the events it asked for,
 * one after another per conference (a slow target holds back only its own conference's), each
 * once, with a timeout and no retry, as best-effort as SignalWire says its own are.
 */
export class CallbackDispatcher {
  readonly #deliveries: CallbackDelivery[] = [];
  readonly #queues = new Map<string, Promise<void>>();
  readonly #closing = new AbortController();

  constructor(readonly options: DispatcherOptions) {}

  /** Every delivery attempt so far, oldest first. */
  get deliveries(): readonly CallbackDelivery[] {
    return this.#deliveries;
  }

  /** Queues the callbacks a change sends; their fields and faults are fixed now, in event order. */
  onChange(conference: Conference, change: ConferenceChange): void {
    const subscription = conference.subscription;
    if (!subscription || this.#closing.signal.aborted) return;
    const { now, apiVersion, faults } = this.options;
    for (const message of callbackMessages(conference, change, now(), apiVersion)) {
      if (!subscription.events.has(message.event)) continue;
      const request = this.#prepare(conference, subscription, message);
      const fault = faults.decide();
      const sends = fault === "drop" ? 0 : fault === "duplicate" ? 2 : 1;
      const previous = this.#queues.get(conference.sid) ?? Promise.resolve();
      const next = previous.then(async () => {
        if (sends === 0) this.#record(request, fault, { status: undefined, error: undefined }, 0);
        for (let i = 0; i < sends; i++) await this.#send(request, fault);
      });
      this.#queues.set(conference.sid, next);
      // Forget a conference's queue once it has drained, so a long run keeps no chain per conference.
      void next.then(() => {
        if (this.#queues.get(conference.sid) === next) this.#queues.delete(conference.sid);
      });
    }
  }

  /** Resolves when every callback queued so far has been sent (or has failed). */
  async idle(): Promise<void> {
    while (this.#queues.size > 0) await Promise.all(this.#queues.values());
  }

  /** Stops queuing, abandons callbacks in flight, and waits for the queues to settle. */
  async close(): Promise<void> {
    this.#closing.abort();
    await this.idle();
  }

  #prepare(conference: Conference, subscription: CallbackSubscription, message: CallbackMessage): PreparedCallback {
    const { method } = subscription;
    const form = new URLSearchParams(message.fields);
    const url = new URL(subscription.url);
    if (method === "GET") for (const [name, value] of form) url.searchParams.append(name, value);
    // A GET signs its URL alone, the fields being in its query; a POST signs the URL and the fields.
    const signature = this.options.sign(conference.accountSid, url.href, method === "GET" ? [] : message.fields);
    return {
      conference,
      message,
      url: url.href,
      method,
      signature,
      body: method === "POST" ? form.toString() : undefined,
    };
  }

  async #send(request: PreparedCallback, fault: CallbackFaultKind | undefined): Promise<void> {
    const delayMs = this.options.faults.delayMs;
    if (delayMs > 0) await abortableDelay(delayMs, this.#closing.signal);
    const started = performance.now();
    let outcome: Outcome;
    try {
      if (this.#closing.signal.aborted) throw new DOMException("closed", "AbortError");
      const response = await fetch(request.url, {
        method: request.method,
        headers: {
          "x-signalwire-signature": request.signature,
          ...(request.body !== undefined && { "content-type": "application/x-www-form-urlencoded" }),
        },
        ...(request.body !== undefined && { body: request.body }),
        redirect: "manual",
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.#closing.signal]),
      });
      // SignalWire does not read the answer's body; it is discarded to free the connection.
      await response.body?.cancel();
      outcome = { status: response.status, error: undefined };
    } catch (error) {
      outcome = { status: undefined, error: describeFailure(error, this.options.timeoutMs) };
    }
    this.#record(request, fault, outcome, performance.now() - started);
  }

  #record(request: PreparedCallback, fault: CallbackFaultKind | undefined, outcome: Outcome, durationMs: number): void {
    const { conference, message, url, method } = request;
    this.#deliveries.push({
      event: message.event,
      conferenceSid: conference.sid,
      callSid: message.callSid,
      method,
      url,
      fields: Object.fromEntries(message.fields),
      fault,
      ...outcome,
      at: this.options.now(),
      durationMs,
    });
    const result = fault === "drop" ? "dropped (a fault)" : (outcome.status ?? outcome.error);
    const duplicated = fault === "duplicate" ? " (duplicated by a fault)" : "";
    this.options.log?.(`callback ${message.event} ${method} ${url} ${result} ${durationMs.toFixed(1)} ms${duplicated}`);
  }
}

/** A callback ready to go: where, how, signed. */
interface PreparedCallback {
  conference: Conference;
  message: CallbackMessage;
  url: string;
  method: "POST" | "GET";
  signature: string;
  body: string | undefined;
}

type Outcome = Pick<CallbackDelivery, "status" | "error">;

/** Says why a callback got no answer, in words (no stack, nothing of the request). */
function describeFailure(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = error as Error & { cause?: { code?: string; message?: string } };
  if (name === "TimeoutError") return `no answer within ${timeoutMs} ms (the callback timeout)`;
  if (name === "AbortError") return "the sandbox closed before the target answered";
  return cause?.code ?? cause?.message ?? message;
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
