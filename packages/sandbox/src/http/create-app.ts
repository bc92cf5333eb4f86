import type { Ajv } from "@laml/spec";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { CallbackFaultInjector } from "../callbacks/callback-fault-injector.js";
import { adminRoutes } from "../faults/admin-routes.js";
import type { FaultInjector } from "../faults/fault-injector.js";
import { wasInjected } from "../faults/inject-faults.js";
import type { SandboxState } from "../state/sandbox-state.js";
import { apiRoutes, type RouteConfig } from "./api-routes.js";
import { ErrorCode, LamlError } from "./laml-error.js";
import { MEDIA_TYPES } from "./media-types.js";
import { pathParamsOf } from "./path-params.js";

/** The largest request body the sandbox reads, in bytes. An update form is a few hundred. */
export const BODY_LIMIT = 64 * 1024;

/** One response the sandbox gave, as `onResponse` observers see it. */
export interface SandboxExchange {
  method: string;
  /** The request's path and query, as sent. */
  url: string;
  /** The spec operation that answered; undefined for unknown routes, wrong methods and admin routes. */
  operationId: string | undefined;
  /**
   * The operation's path parameters by their names in the spec (e.g. `CallSid`), without the
   * `.json` suffix; empty when no operation ran (an unknown route, an admin route, an injected
   * fault, a request refused before its handler).
   */
  params: Record<string, string>;
  status: number;
  headers: Record<string, unknown>;
  /** The response body as sent (empty for 204). */
  body: string;
  /** Whether the answer is an injected fault. */
  injected: boolean;
}

/** What the HTTP app serves and reports to. */
export interface AppOptions {
  state: SandboxState;
  faults: FaultInjector;
  callbackFaults: CallbackFaultInjector;
  ajv: Ajv;
  /** The one origin whose web pages may call the API; any origin when undefined. */
  corsOrigin?: string | undefined;
  /** Called with every response the sandbox gives (the contract tests check each one). */
  onResponse?: (exchange: SandboxExchange) => void;
  /** Called with one line per request: method, URL, status and time taken. */
  log?: (line: string) => void;
}

/**
 * Builds the sandbox's HTTP app (not listening yet): what every request shares (errors in LaML
 * bodies, the observers), then two encapsulated plugins, the API and the admin API, each with
 * its own hooks.
 */
export function createApp(options: AppOptions): FastifyInstance {
  const { faults, callbackFaults, onResponse, log } = options;
  const observe = (request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
    onResponse?.({
      method: request.method,
      url: request.url,
      operationId: (request.routeOptions.config as RouteConfig | undefined)?.operationId,
      params: pathParamsOf(request),
      status: reply.statusCode,
      headers: reply.getHeaders(),
      body: typeof payload === "string" ? payload : payload === undefined || payload === null ? "" : String(payload),
      injected: wasInjected(request),
    });

  const app = Fastify({
    logger: false,
    // The spec has no HEAD operations; a HEAD gets 405 like any other undocumented method.
    exposeHeadRoutes: false,
    bodyLimit: BODY_LIMIT,
    // close() must not wait for idle keep-alive connections of clients under test.
    forceCloseConnections: true,
    // Long enough that an over-long SID is reported as an invalid SID, not as an unknown route.
    routerOptions: { maxParamLength: 1000 },
    // Errors found before routing (a path that is not valid percent-encoding) skip the hooks.
    frameworkErrors: (error, request, genericReply) => {
      const reply = genericReply as FastifyReply;
      const laml = toLamlError(error);
      const body = JSON.stringify(laml.toBody());
      reply.code(laml.status).headers(laml.headers).type(MEDIA_TYPES.jsonAnswer);
      observe(request, reply, body);
      reply.send(body);
    },
    // A request the HTTP parser rejects never becomes a request object: answer on the socket.
    clientErrorHandler: (error, socket) => {
      if ((error as NodeJS.ErrnoException).code === "ECONNRESET" || !socket.writable) return socket.destroy();
      const body = JSON.stringify(
        new LamlError(400, ErrorCode.invalidArgument, "The request is not valid HTTP/1.1").toBody(),
      );
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: ${MEDIA_TYPES.jsonAnswer}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  });

  // Callback-style hooks: they run on every request, and an async hook costs a promise each.
  if (onResponse) {
    app.addHook("onSend", (request, reply, payload, done) => {
      observe(request, reply, payload);
      done(null, payload);
    });
  }
  if (log) {
    app.addHook("onResponse", (request, reply, done) => {
      log(`${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)} ms`);
      done();
    });
  }
  app.setErrorHandler((error, _request, reply) => {
    const laml = toLamlError(error);
    if (laml.status >= 500) log?.(`sandbox error: ${(error as Error)?.stack ?? String(error)}`);
    return reply.code(laml.status).headers(laml.headers).send(laml.toBody());
  });

  app.register(adminRoutes, { faults, callbackFaults });
  app.register(apiRoutes, options);
  return app;
}

/**
 * Translates whatever went wrong into a LaML error. Framework errors about the request become
 * 400 (the spec documents no 413 or 415); anything else is the sandbox's own fault, a 500.
 */
function toLamlError(error: unknown): LamlError {
  if (error instanceof LamlError) return error;
  const { code, statusCode, message } = (error ?? {}) as { code?: string; statusCode?: number; message?: string };
  const invalid = (text: string) => new LamlError(400, ErrorCode.invalidArgument, text);
  switch (code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return invalid(
        "The body is not valid JSON (or holds a forbidden key such as __proto__); send a JSON object of fields",
      );
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return invalid(
        "The body is empty although Content-Type says JSON; send a JSON object, or no Content-Type and no body",
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return invalid(`The body is larger than ${BODY_LIMIT} bytes`);
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return invalid("Content-Length does not match the body sent");
    case "FST_ERR_BAD_URL":
      return invalid("The path is not validly percent-encoded");
    case "FST_ERR_MAX_PARAM_LENGTH":
      return invalid("A path segment is too long to be a SID");
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500)
    return invalid(message ?? "The request is invalid");
  return new LamlError(
    500,
    ErrorCode.unavailable,
    "The sandbox failed to handle this request; please report it with the request",
  );
}
