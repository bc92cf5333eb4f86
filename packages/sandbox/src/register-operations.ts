import type { FastifyInstance, FastifyRequest } from "fastify";
import { authenticate } from "./authenticate.js";
import { type BodyKind, compileRequestValidator } from "./compile-request-validator.js";
import type { Ajv } from "./create-ajv.js";
import { MEDIA_TYPES } from "./media-types.js";
import { operationHandlers } from "./operation-handlers.js";
import type { SandboxState } from "./sandbox-state.js";
import type { SpecOperation } from "./spec-operations.js";

/** What the catch-all body parser hands on for a media type the API does not take. */
export const UNSUPPORTED_BODY = Symbol("unsupported body");

const JSON_SUFFIX = ".json";

/** Route metadata: the spec's operation, for the contract checks and the 405 answers. */
export interface RouteConfig {
  operationId?: string;
}

/**
 * Serves every operation of the spec under each prefix, with and without the `.json` suffix:
 * authenticate, check the request against the spec, then run the operation.
 */
export function registerOperations(
  app: FastifyInstance,
  options: { operations: SpecOperation[]; prefixes: string[]; state: SandboxState; ajv: Ajv },
): void {
  for (const operation of options.operations) {
    const handle = operationHandlers[operation.operationId as keyof typeof operationHandlers];
    if (!handle) throw new Error(`The spec has an operation the sandbox does not implement: ${operation.operationId}`);
    const validate = compileRequestValidator(operation, options.ajv);
    const template = operation.path.replace(/\{([^}]+)\}/g, ":$1");
    // A path ending in a parameter takes `.json` inside that parameter's segment, stripped below.
    const lastParameter = /\{([^}]+)\}$/.exec(operation.path)?.[1];
    const variants = lastParameter ? [template] : [template, `${template}${JSON_SUFFIX}`];
    for (const prefix of options.prefixes) {
      for (const url of variants) {
        app.route({
          method: operation.method,
          url: `${prefix}${url}`,
          config: { operationId: operation.operationId } satisfies RouteConfig,
          handler: async (request, reply) => {
            const projectId = authenticate(options.state, request.headers.authorization);
            const params = { ...(request.params as Record<string, string>) };
            let json = url.endsWith(JSON_SUFFIX);
            const last = lastParameter && params[lastParameter];
            if (lastParameter && last?.endsWith(JSON_SUFFIX)) {
              params[lastParameter] = last.slice(0, -JSON_SUFFIX.length);
              json = true;
            }
            const valid = validate({
              params,
              query: request.query as Record<string, string | string[]>,
              body: request.body,
              ...readBodyKind(request),
            });
            const result = handle({ state: options.state, projectId, request: valid, view: { prefix, json } });
            reply.code(result.status);
            return result.json === undefined ? reply.send() : reply.type(MEDIA_TYPES.jsonAnswer).send(result.json);
          },
        });
      }
    }
  }
}

function readBodyKind(request: FastifyRequest): { bodyKind: BodyKind; contentType: string | undefined } {
  const header = request.headers["content-type"];
  const contentType = header?.split(";")[0]?.trim().toLowerCase().slice(0, 100);
  if (request.body === undefined) return { bodyKind: "none", contentType };
  if (request.body === UNSUPPORTED_BODY) return { bodyKind: "unsupported", contentType };
  return { bodyKind: contentType === MEDIA_TYPES.form ? "form" : "json", contentType };
}
