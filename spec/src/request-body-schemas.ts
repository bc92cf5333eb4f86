import type { JsonSchema, OperationObject } from "./openapi-document.js";

/** An operation's body: whether it is required and its schema per media type. */
export interface RequestBodySchemas {
  required: boolean;
  content: Record<string, JsonSchema>;
}

/** The body schemas of an operation, or undefined when it takes no body. */
export function requestBodySchemas(operation: OperationObject): RequestBodySchemas | undefined {
  const body = operation.requestBody;
  if (!body) return undefined;
  const content = Object.fromEntries(Object.entries(body.content).map(([type, media]) => [type, media.schema]));
  return { required: body.required ?? false, content };
}
