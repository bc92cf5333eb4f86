import formbody from "@fastify/formbody";
import { type Ajv, apiBasePath, operations, type SpecOperation } from "@laml/spec";
import type { FastifyPluginCallback, FastifyRequest } from "fastify";
import type { FaultInjector } from "../faults/fault-injector.js";
import { injectFaults } from "../faults/inject-faults.js";
import { operationHandlers } from "../operations/operation-handlers.js";
import { JSON_SUFFIX, PARTICIPANTS_PATH } from "../operations/participants-uri.js";
import type { SandboxState } from "../state/sandbox-state.js";
import { allowCrossOrigin } from "./allow-cross-origin.js";
import { authenticate, projectIdOf } from "./authenticate.js";
import { ErrorCode, LamlError } from "./laml-error.js";
import { MEDIA_TYPES } from "./media-types.js";
import { keepPathParams } from "./path-params.js";
import { type BodyKind, compileRequestValidator } from "./request-validator.js";

/**
 * The path prefixes the API is served under: the spec's base path (`/api/laml/2010-04-01`) and
 * its last segment alone (`/2010-04-01`), the root that SignalWire's Twilio-derived SDKs call.
 */
export const API_PREFIXES: readonly string[] = (() => {
  const version = apiBasePath.slice(apiBasePath.lastIndexOf("/"));
  return version === apiBasePath ? [apiBasePath] : [apiBasePath, version];
})();

/** What the API works with. */
export interface ApiOptions {
  state: SandboxState;
  faults: FaultInjector;
  ajv: Ajv;
  /** The one origin whose web pages may call the API; any origin when undefined. */
  corsOrigin?: string | undefined;
}

/** Route metadata: the spec's operation, for the contract checks. */
export interface RouteConfig {
  operationId?: string;
}

/** What the catch-all body parser hands on for a media type the API does not take. */
const UNSUPPORTED_BODY = Symbol("unsupported body");

/**
 * The API, as an encapsulated plugin: its body parsers and the fault hook apply to its routes
 * and to its LaML 404 and 405 answers, and to nothing else (not the admin API).
 */
export const apiRoutes: FastifyPluginCallback<ApiOptions> = (app, options, done) => {
  // The API takes forms (and, like SignalWire's newer SDK sends, JSON); any other media type is
  // read and set aside so the operation can say what to send instead.
  app.removeContentTypeParser("text/plain");
  app.register(formbody);
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, next) => next(null, UNSUPPORTED_BODY));
  const allowed = allowedMethods(operations, API_PREFIXES);
  const methodsOf = (path: string) => allowed.find(([pattern]) => pattern.test(path))?.[1];
  app.addHook("onRequest", allowCrossOrigin(options.corsOrigin, methodsOf));
  app.addHook("onRequest", injectFaults(options.faults));

  app.setNotFoundHandler(async (request) => {
    const path = request.url.split("?")[0] ?? "";
    const methods = methodsOf(path);
    if (methods) {
      throw new LamlError(
        405,
        ErrorCode.methodNotAllowed,
        `${request.method} is not allowed here; use ${methods.join(", ")}`,
        {
          allow: methods.join(", "),
        },
      );
    }
    throw new LamlError(
      404,
      ErrorCode.notFound,
      `There is no resource at ${path.slice(0, 200)}; the participants are at ${apiBasePath}${PARTICIPANTS_PATH}`,
    );
  });

  // The operations' own context: authentication applies to them, not to the 404 and 405 answers.
  app.register(operationRoutes, options);
  done();
};

/**
 * Serves every operation of the spec under each prefix, with and without the `.json` suffix:
 * authenticate (a hook), check the request against the spec, then run the operation.
 */
const operationRoutes: FastifyPluginCallback<ApiOptions> = (app, options, done) => {
  app.addHook("preHandler", authenticate(app, options.state));
  for (const operation of operations) {
    const handle = operationHandlers[operation.operationId as keyof typeof operationHandlers];
    if (!handle) throw new Error(`The spec has an operation the sandbox does not implement: ${operation.operationId}`);
    const validate = compileRequestValidator(operation, options.ajv);
    const template = operation.path.replace(/\{([^}]+)\}/g, ":$1");
    // A path ending in a parameter takes `.json` inside that parameter's segment, stripped below.
    const lastParameter = /\{([^}]+)\}$/.exec(operation.path)?.[1];
    const variants = lastParameter ? [template] : [template, `${template}${JSON_SUFFIX}`];
    for (const prefix of API_PREFIXES) {
      for (const url of variants) {
        app.route({
          method: operation.method,
          url: `${prefix}${url}`,
          config: { operationId: operation.operationId } satisfies RouteConfig,
          handler: async (request, reply) => {
            const params = { ...(request.params as Record<string, string>) };
            let json = url.endsWith(JSON_SUFFIX);
            const last = lastParameter && params[lastParameter];
            if (lastParameter && last?.endsWith(JSON_SUFFIX)) {
              params[lastParameter] = last.slice(0, -JSON_SUFFIX.length);
              json = true;
            }
            keepPathParams(request, params);
            const valid = validate({
              params,
              query: request.query as Record<string, string | string[]>,
              body: request.body,
              ...readBodyKind(request),
            });
            const projectId = projectIdOf(request);
            const result = handle({ state: options.state, projectId, request: valid, view: { prefix, json } });
            reply.code(result.status);
            return result.json === undefined ? reply.send() : reply.type(MEDIA_TYPES.jsonAnswer).send(result.json);
          },
        });
      }
    }
  }
  done();
};

function readBodyKind(request: FastifyRequest): { bodyKind: BodyKind; contentType: string | undefined } {
  const header = request.headers["content-type"];
  const contentType = header?.split(";")[0]?.trim().toLowerCase().slice(0, 100);
  if (request.body === undefined) return { bodyKind: "none", contentType };
  if (request.body === UNSUPPORTED_BODY) return { bodyKind: "unsupported", contentType };
  return { bodyKind: contentType === MEDIA_TYPES.form ? "form" : "json", contentType };
}

/**
 * For each spec path (under every prefix, with or without `.json`), the methods it serves, in
 * the order the spec's operations list them in.
 */
function allowedMethods(specOperations: readonly SpecOperation[], prefixes: readonly string[]): [RegExp, string[]][] {
  const byPath = new Map<string, string[]>();
  for (const { path, method } of specOperations) byPath.set(path, [...(byPath.get(path) ?? []), method]);
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const alternatives = prefixes.map(literal).join("|");
  return [...byPath].map(([path, methods]) => {
    const segments = path
      .split(/\{[^}]+\}/)
      .map(literal)
      .join("[^/]+");
    return [new RegExp(`^(?:${alternatives})${segments}(?:${literal(JSON_SUFFIX)})?$`), methods];
  });
}
