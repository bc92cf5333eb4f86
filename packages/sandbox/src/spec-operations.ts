import {
  HTTP_METHODS,
  type JsonSchema,
  type OpenApiDocument,
  type ParameterObject,
  type ResponseObject,
} from "./openapi-document.js";

/** One operation of the spec, with its path-level and own parameters merged. */
export interface SpecOperation {
  operationId: string;
  /** Upper case, as on the wire. */
  method: string;
  /** The path template, e.g. `/Accounts/{AccountSid}/…`. */
  path: string;
  pathParameters: ParameterObject[];
  queryParameters: ParameterObject[];
  /** The body schema per media type, when the operation takes a body. */
  requestBody?: { content: Record<string, JsonSchema> };
  responses: Record<string, ResponseObject>;
}

/** Lists every operation of the spec. */
export function readOperations(spec: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      // An operation's own parameter overrides a path-level one of the same name and place.
      const byKey = new Map<string, ParameterObject>();
      for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) byKey.set(`${p.in}:${p.name}`, p);
      const parameters = [...byKey.values()];
      const body = operation.requestBody;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        pathParameters: parameters.filter((p) => p.in === "path"),
        queryParameters: parameters.filter((p) => p.in === "query"),
        ...(body && {
          requestBody: {
            content: Object.fromEntries(Object.entries(body.content).map(([type, media]) => [type, media.schema])),
          },
        }),
        responses: operation.responses,
      });
    }
  }
  return operations;
}
