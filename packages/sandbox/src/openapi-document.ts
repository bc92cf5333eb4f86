// The slice of an OpenAPI 3.1 document that the sandbox reads. The bundle it reads is the
// dereferenced one, so no `$ref` is left to resolve.

/** A JSON Schema as the spec writes it. */
export type JsonSchema = Record<string, unknown> & { type?: string | string[] };

/** An operation parameter (path or query). */
export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

/** One documented response of an operation. */
export interface ResponseObject {
  description: string;
  content?: Record<string, { schema?: JsonSchema }>;
  headers?: Record<string, unknown>;
}

/** An operation under a path. */
export interface OperationObject {
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, ResponseObject>;
}

/** The methods a path item may hold, in the order the sandbox lists them in `Allow`. */
export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** A path item: path-level parameters and one operation per method. */
export type PathItemObject = { parameters?: ParameterObject[] } & Partial<
  Record<(typeof HTTP_METHODS)[number], OperationObject>
>;

/** The dereferenced OpenAPI document. */
export interface OpenApiDocument {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, PathItemObject>;
  components: { schemas: Record<string, JsonSchema> };
}
