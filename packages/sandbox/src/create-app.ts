import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Ajv } from "./create-ajv.js";
import type { FaultInjector } from "./fault-injector.js";
import { ErrorCode, LamlError } from "./laml-error.js";
import { MEDIA_TYPES } from "./media-types.js";
import { PARTICIPANTS_PATH } from "./participants-uri.js";
import { ADMIN_PREFIX, registerAdminRoutes } from "./register-admin-routes.js";
import { type RouteConfig, registerOperations, UNSUPPORTED_BODY } from "./register-operations.js";
import type { SandboxExchange } from "./sandbox-exchange.js";
import type { SandboxState } from "./sandbox-state.js";
import type { SpecOperation } from "./spec-operations.js";
import { BODY_LIMIT, toLamlError } from "./to-laml-error.js";

/** What the HTTP app serves and reports to. */
export interface AppOptions {
  operations: SpecOperation[];
  prefixes: string[];
  state: SandboxState;
  faults: FaultInjector;
  ajv: Ajv;
  /** Called with every response the sandbox gives (the contract tests check each one). */
  onResponse?: (exchange: SandboxExchange) => void;
  /** Called with one line per request: method, URL, status and time taken. */
  log?: (line: string) => void;
}

/** Marks a request whose answer is an injected fault. */
const INJECTED = Symbol("injected fault");
type MarkedRequest = FastifyRequest & { [INJECTED]?: boolean };

/** Builds the sandbox's HTTP app (not listening yet). */
export function createApp(options: AppOptions): FastifyInstance {
  const { faults, onResponse, log } = options;
  const observe = (request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
    onResponse?.({
      method: request.method,
      url: request.url,
      operationId: (request.routeOptions.config as RouteConfig | undefined)?.operationId,
      status: reply.statusCode,
      headers: reply.getHeaders(),
      body: typeof payload === "string" ? payload : payload === undefined || payload === null ? "" : String(payload),
      injected: (request as MarkedRequest)[INJECTED] === true,
    });
  const sendError = (reply: FastifyReply, error: LamlError) =>
    reply.code(error.status).headers(error.headers).send(error.toBody());

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

  // The API takes forms (and, like SignalWire's newer SDK sends, JSON); any other media type is
  // read and set aside so the operation can say what to send instead.
  app.removeContentTypeParser("text/plain");
  app.register(formbody, { bodyLimit: BODY_LIMIT });
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, done) => done(null, UNSUPPORTED_BODY));

  // Callback-style hooks: they run on every request, and an async hook costs a promise each.
  app.addHook("onRequest", (request, reply, done) => {
    if (request.url.startsWith(ADMIN_PREFIX)) return done();
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
  });
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
    return sendError(reply, laml);
  });
  const allowed = allowedMethods(options.operations, options.prefixes);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const methods = allowed.find(([pattern]) => pattern.test(path))?.[1];
    if (methods) {
      return sendError(
        reply,
        new LamlError(
          405,
          ErrorCode.methodNotAllowed,
          `${request.method} is not allowed here; use ${methods.join(", ")}`,
          {
            allow: methods.join(", "),
          },
        ),
      );
    }
    return sendError(
      reply,
      new LamlError(
        404,
        ErrorCode.notFound,
        `There is no resource at ${path.slice(0, 200)}; the participants are at ${options.prefixes[0]}${PARTICIPANTS_PATH}`,
      ),
    );
  });

  registerAdminRoutes(app, faults);
  registerOperations(app, options);
  return app;
}

/**
 * For each spec path (under every prefix, with or without `.json`), the methods it serves, in
 * the order readOperations lists them in (HTTP_METHODS).
 */
function allowedMethods(operations: SpecOperation[], prefixes: string[]): [RegExp, string[]][] {
  const byPath = new Map<string, string[]>();
  for (const { path, method } of operations) byPath.set(path, [...(byPath.get(path) ?? []), method]);
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const alternatives = prefixes.map(literal).join("|");
  return [...byPath].map(([path, methods]) => {
    const segments = path
      .split(/\{[^}]+\}/)
      .map(literal)
      .join("[^/]+");
    return [new RegExp(`^(?:${alternatives})${segments}(?:\\.json)?$`), methods];
  });
}
