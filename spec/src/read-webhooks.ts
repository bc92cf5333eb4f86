import { mergeParameters } from "./merge-parameters.js";
import {
  HTTP_METHODS,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
} from "./openapi-document.js";
import { type RequestBodySchemas, requestBodySchemas } from "./request-body-schemas.js";

/** One request the API sends to your server, as the spec's `webhooks:` describes it. */
export interface SpecWebhook {
  /** The key under `webhooks:`, e.g. `conferenceStatusCallback`. */
  name: string;
  /** Upper case, as on the wire. */
  method: Uppercase<HttpMethod>;
  operationId: string | undefined;
  summary: string | undefined;
  /** The headers the request carries, path-level ones first, the operation's own overriding them. */
  headerParameters: ParameterObject[];
  /** The body schema per media type, when the request has a body. */
  requestBody: RequestBodySchemas | undefined;
  /** The answers your server may give. */
  responses: Record<string, ResponseObject>;
  /** The operation object as the bundle has it. */
  raw: OperationObject;
}

const methods: ReadonlySet<string> = new Set(HTTP_METHODS);

/** Every webhook of a document, one per name and method, in the order the spec lists them. */
export function readWebhooks(document: OpenApiDocument): SpecWebhook[] {
  const webhooks: SpecWebhook[] = [];
  for (const [name, item] of Object.entries(document.webhooks ?? {})) {
    for (const [key, operation] of Object.entries(item)) {
      if (!methods.has(key)) continue;
      const raw = operation as OperationObject;
      webhooks.push({
        name,
        method: key.toUpperCase() as Uppercase<HttpMethod>,
        operationId: raw.operationId,
        summary: raw.summary,
        headerParameters: mergeParameters(item.parameters, raw.parameters).filter((p) => p.in === "header"),
        requestBody: requestBodySchemas(raw),
        responses: raw.responses ?? {},
        raw,
      });
    }
  }
  return webhooks;
}
