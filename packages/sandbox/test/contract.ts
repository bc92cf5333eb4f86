import { bundle, createAjv, errorCodes, operations } from "@laml/spec";
import { ADMIN_PREFIX } from "../src/faults/admin-routes.js";
import type { SandboxExchange } from "../src/http/create-app.js";

const ajv = createAjv();
const byId = new Map(operations.map((op) => [op.operationId, op]));
const errorSchema = bundle.components.schemas.LamlError;
if (!errorSchema) throw new Error("the spec has no LamlError schema");
const validateError = ajv.compile(errorSchema);

/** A response that does not match the spec. */
export interface Violation {
  exchange: SandboxExchange;
  problem: string;
}

/**
 * Checks responses against the spec: a documented status's body against the schema the spec
 * gives for that operation and status; anything else (unknown routes, wrong methods, injected
 * 503s, which no operation documents) against the LaML error schema. An error's code must be
 * in the spec's error table, for that status.
 */
export function checkExchange(exchange: SandboxExchange): string | undefined {
  if (exchange.url.startsWith(ADMIN_PREFIX)) return undefined;
  // A CORS preflight's answer is HTTP's, not one of the API's.
  if (exchange.method === "OPTIONS" && exchange.status === 204) return undefined;
  const operation = exchange.operationId ? byId.get(exchange.operationId) : undefined;
  const documented = operation?.responses[String(exchange.status)];
  if (operation && !documented && exchange.status < 500) {
    return `${exchange.operationId} does not document status ${exchange.status}`;
  }
  const schema = documented ? documented.content?.["application/json"]?.schema : errorSchema;
  if (!schema)
    return exchange.body === "" ? undefined : `status ${exchange.status} documents no body, got ${exchange.body}`;
  if (!String(exchange.headers["content-type"]).startsWith("application/json")) {
    return `content-type is ${String(exchange.headers["content-type"])}`;
  }
  const validate = schema === errorSchema ? validateError : ajv.compile(schema);
  let body: unknown;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    return `the body is not JSON: ${exchange.body.slice(0, 100)}`;
  }
  if (!validate(body)) return ajv.errorsText(validate.errors);
  return exchange.status >= 400 ? checkErrorCode(exchange.status, (body as { code: number }).code) : undefined;
}

/** An error's code must be one the spec's error table lists for its status (`5XX` covers 503). */
function checkErrorCode(status: number, code: number): string | undefined {
  const entry = errorCodes.find((e) => e.code === code);
  if (!entry) return `code ${code} is not in the spec's error codes`;
  const carried = entry.statuses.some((s) => s === String(status) || s === `${String(status)[0]}XX`);
  return carried ? undefined : `code ${code} comes with ${entry.statuses.join(", ")} in the spec, not ${status}`;
}

/** Collects every response of a sandbox and the ones that break the contract. */
export function contractRecorder() {
  const exchanges: SandboxExchange[] = [];
  const violations: Violation[] = [];
  return {
    exchanges,
    violations,
    onResponse(exchange: SandboxExchange) {
      exchanges.push(exchange);
      const problem = checkExchange(exchange);
      if (problem) violations.push({ exchange, problem });
    },
  };
}
