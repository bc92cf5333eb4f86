import type { FastifyRequest, onRequestHookHandler } from "fastify";
import { ErrorCode, LamlError } from "../http/laml-error.js";
import type { FaultInjector } from "./fault-injector.js";

/** Marks a request whose answer is an injected fault. */
const INJECTED = Symbol("injected fault");
type MarkedRequest = FastifyRequest & { [INJECTED]?: boolean };

/**
 * The hook that injects the faults the injector decides on: it waits the latency, then answers
 * 429 or 503 or drops the connection, before the request is processed (so nothing changes).
 */
export function injectFaults(faults: FaultInjector): onRequestHookHandler {
  // A callback-style hook: it runs on every request, and an async hook costs a promise each.
  return (request, reply, done) => {
    const { latencyMs, fault } = faults.decide(request.method);
    const inject = () => {
      if (!fault) return done();
      (request as MarkedRequest)[INJECTED] = true;
      if (fault === "drop") {
        reply.hijack();
        request.raw.socket.destroy();
        return;
      }
      done(
        fault === "429"
          ? new LamlError(429, ErrorCode.tooManyRequests, "Too many requests (a fault injected by the sandbox)", {
              "retry-after": String(faults.retryAfterSeconds),
            })
          : new LamlError(503, ErrorCode.unavailable, "Service unavailable (a fault injected by the sandbox)"),
      );
    };
    if (latencyMs > 0) setTimeout(inject, latencyMs);
    else inject();
  };
}

/** Whether this request was answered with an injected fault. */
export function wasInjected(request: FastifyRequest): boolean {
  return (request as MarkedRequest)[INJECTED] === true;
}
