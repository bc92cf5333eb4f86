import { mergeParameters } from "./merge-parameters.js";
import type {
  CodeSample,
  HttpMethod,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  ResponseObject,
} from "./openapi-document.js";
import { pathItemOperations } from "./path-item-operations.js";
import { type RequestBodySchemas, requestBodySchemas } from "./request-body-schemas.js";

/** One operation of the spec, with its path-level and own parameters merged. */
export interface SpecOperation {
  operationId: string;
  /** Upper case, as on the wire. */
  method: Uppercase<HttpMethod>;
  /** The path template, e.g. `/Accounts/{AccountSid}/…`, without the server's base path. */
  path: string;
  summary: string | undefined;
  /** Every parameter, path-level ones first, an operation's own overriding them. */
  parameters: ParameterObject[];
  pathParameters: ParameterObject[];
  queryParameters: ParameterObject[];
  headerParameters: ParameterObject[];
  /** The body schema per media type, when the operation takes a body. */
  requestBody: RequestBodySchemas | undefined;
  responses: Record<string, ResponseObject>;
  codeSamples: CodeSample[];
  /** The operation object as the bundle has it. */
  raw: OperationObject;
}

/** Every operation of a document, in the order the spec lists paths and, in each, methods. */
export function readOperations(document: OpenApiDocument): SpecOperation[] {
  return [...pathItemOperations(document.paths)].map(({ key: path, item, method, raw }) => {
    const parameters = mergeParameters(item.parameters, raw.parameters);
    return {
      operationId: raw.operationId,
      method,
      path,
      summary: raw.summary,
      parameters,
      pathParameters: parameters.filter((p) => p.in === "path"),
      queryParameters: parameters.filter((p) => p.in === "query"),
      headerParameters: parameters.filter((p) => p.in === "header"),
      requestBody: requestBodySchemas(raw),
      responses: raw.responses,
      codeSamples: raw["x-codeSamples"] ?? [],
      raw,
    };
  });
}
