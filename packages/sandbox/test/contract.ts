import { createAjv } from "../src/create-ajv.js";
import { ADMIN_PREFIX } from "../src/faults/admin-routes.js";
import type { SandboxExchange } from "../src/http/create-app.js";
import { loadSpec } from "../src/load-spec.js";
import { readOperations } from "../src/spec-operations.js";

const spec = loadSpec();
const ajv = createAjv();
const operations = new Map(readOperations(spec).map((op) => [op.operationId, op]));
const errorSchema = spec.components.schemas.LamlError;
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
 * 503s, which no operation documents) against the LaML error schema.
 */
export function checkExchange(exchange: SandboxExchange): string | undefined {
  if (exchange.url.startsWith(ADMIN_PREFIX)) return undefined;
  const operation = exchange.operationId ? operations.get(exchange.operationId) : undefined;
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
  return validate(body) ? undefined : ajv.errorsText(validate.errors);
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
