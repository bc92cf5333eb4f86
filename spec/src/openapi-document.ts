// The slice of an OpenAPI 3.1 document that laml's readers use. The bundle is the dereferenced
// one, so no `$ref` is left to resolve anywhere in it.

/** A JSON Schema as the spec writes it (OpenAPI 3.1 uses JSON Schema 2020-12). */
export type JsonSchema = Record<string, unknown> & { type?: string | string[] };

/** A named example: a value the spec shows and the tests validate. */
export interface ExampleObject {
  summary?: string;
  description?: string;
  value: unknown;
}

/** What a body of one media type holds: its schema and its examples. */
export interface MediaTypeObject {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, ExampleObject>;
}

/** A parameter of an operation or a path item. */
export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

/** The body an operation takes. */
export interface RequestBodyObject {
  required?: boolean;
  description?: string;
  content: Record<string, MediaTypeObject & { schema: JsonSchema }>;
}

/** A header a response carries. */
export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema?: JsonSchema;
}

/** One documented response of an operation. */
export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, HeaderObject>;
}

/** One entry of an operation's `x-codeSamples` (the docs show them; the docs tests run them). */
export interface CodeSample {
  lang: string;
  label?: string;
  source: string;
}

/** An operation under a path, or a webhook's request. */
export interface OperationObject {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  "x-codeSamples"?: CodeSample[];
}

/** The methods a path item may hold, in the order OpenAPI lists a path item's fields. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** A method as a path item's key spells it. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A path item: path-level parameters and one operation per method. */
export type PathItemObject = { summary?: string; description?: string; parameters?: ParameterObject[] } & Partial<
  Record<HttpMethod, OperationObject>
>;

/** A server the API is reached at; `{name}` in the URL is a variable. */
export interface ServerObject {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

/** The components the spec declares by name in `openapi.yaml`. */
export interface ComponentsObject {
  schemas: Record<string, JsonSchema>;
  parameters: Record<string, ParameterObject>;
  responses: Record<string, ResponseObject>;
  examples: Record<string, ExampleObject>;
  securitySchemes: Record<string, Record<string, unknown>>;
}

/** The dereferenced OpenAPI document. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; summary?: string; description?: string };
  servers: ServerObject[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, PathItemObject>;
  webhooks?: Record<string, PathItemObject>;
  components: ComponentsObject;
}
