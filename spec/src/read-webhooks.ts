import { mergeParameters } from "./merge-parameters.js";
import type { OpenApiDocument } from "./openapi-document.js";
import { pathItemOperations } from "./path-item-operations.js";
import type { SpecOperation } from "./read-operations.js";
import { requestBodySchemas } from "./request-body-schemas.js";

/**
 * One request the API sends to your server, as the spec's `webhooks:` describes it: the fields
 * it shares with an operation mean the same (`responses` are the answers your server may give).
 */
export interface SpecWebhook
  extends Pick<
    SpecOperation,
    "method" | "summary" | "headerParameters" | "requestBody" | "responses" | "codeSamples" | "raw"
  > {
  /** The key under `webhooks:`, e.g. `conferenceStatusCallback`. */
  name: string;
  operationId: string | undefined;
}

/** Every webhook of a document, one per name and method, in the order the spec lists them. */
export function readWebhooks(document: OpenApiDocument): SpecWebhook[] {
  return [...pathItemOperations(document.webhooks)].map(({ key: name, item, method, raw }) => ({
    name,
    method,
    operationId: raw.operationId,
    summary: raw.summary,
    headerParameters: mergeParameters(item.parameters, raw.parameters).filter((p) => p.in === "header"),
    requestBody: requestBodySchemas(raw),
    responses: raw.responses ?? {},
    codeSamples: raw["x-codeSamples"] ?? [],
    raw,
  }));
}
