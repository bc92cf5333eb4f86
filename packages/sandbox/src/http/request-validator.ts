import type { Ajv, JsonSchema, ParameterObject, SpecOperation } from "@laml/spec";
import type { ListParticipantsQuery } from "@laml/types";
import type { ValidateFunction } from "ajv";
import { describeValidationErrors } from "../describe-validation-errors.js";
import { ErrorCode, LamlError } from "./laml-error.js";
import { MEDIA_TYPES } from "./media-types.js";
import { twilioOnly } from "./twilio-only.js";

/** How a request's body arrived, by its `Content-Type`. */
export type BodyKind = "form" | "json" | "none" | "unsupported";

/** A request as the framework parsed it, before any check. */
export interface RawRequest {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  bodyKind: BodyKind;
  /** The media type of the body, without parameters, when one was sent. */
  contentType: string | undefined;
}

/** A request that passed the spec's checks, with values typed and defaults filled in. */
export interface ValidRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  /** The names of the body fields the client sent. */
  sent: string[];
}

/** Checks a raw request against its operation, or throws a `LamlError` (400). */
export type RequestValidator = (raw: RawRequest) => ValidRequest;

/** The cursor parameter, whose invalid values have their own error code. */
const PAGE_TOKEN = "PageToken" satisfies keyof ListParticipantsQuery;

/** Builds the validator of one operation from the spec's parameter and body schemas. */
export function compileRequestValidator(operation: SpecOperation, ajv: Ajv): RequestValidator {
  const twilio = twilioOnly(operation.operationId);
  const params = compileParameters(ajv, operation.pathParameters, "path parameter");
  const query = compileParameters(ajv, operation.queryParameters, "query parameter", twilio);
  // The spec's body is a form; the sandbox also takes the same fields as a JSON object.
  const formSchema = operation.requestBody?.content[MEDIA_TYPES.form];
  const form = formSchema && compileFields(ajv, formSchema, "field", twilio);

  return (raw) => {
    const validParams = params.check(decodeFields(raw.params, params.schema, "path parameter"));
    const validQuery = query.check(decodeFields(raw.query, query.schema, "query parameter"), {
      codeOf: (errors) =>
        errors.some((e) => e.instancePath === `/${PAGE_TOKEN}`)
          ? ErrorCode.invalidPageToken
          : ErrorCode.invalidArgument,
    });
    if (!form) return { params: validParams, query: validQuery, body: {}, sent: [] };
    const body = readBody(raw, form.schema);
    const validBody = form.check(body, { json: raw.bodyKind === "json" });
    return { params: validParams, query: validQuery, body: validBody, sent: Object.keys(body) };
  };
}

interface CompiledFields {
  schema: JsonSchema & { properties: Record<string, JsonSchema> };
  check(
    data: Record<string, unknown>,
    options?: { codeOf?: (errors: NonNullable<ValidateFunction["errors"]>) => number; json?: boolean },
  ): Record<string, unknown>;
}

function compileParameters(
  ajv: Ajv,
  parameters: ParameterObject[],
  noun: string,
  twilioOnly: readonly string[] = [],
): CompiledFields {
  return compileFields(
    ajv,
    {
      type: "object",
      properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema])),
      required: parameters.filter((p) => p.required).map((p) => p.name),
      additionalProperties: false,
    },
    noun,
    twilioOnly,
  );
}

function compileFields(ajv: Ajv, schema: JsonSchema, noun: string, twilioOnly: readonly string[] = []): CompiledFields {
  const validate = ajv.compile(schema);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const known = Object.keys(properties);
  return {
    schema: { ...schema, properties },
    check(data, { codeOf = () => ErrorCode.invalidArgument, json = false } = {}) {
      // The validator fills in defaults in place; the caller's object stays as received.
      const copy: Record<string, unknown> = Object.assign(Object.create(null), data);
      if (validate(copy)) return copy;
      const errors = validate.errors ?? [];
      throw new LamlError(
        400,
        codeOf(errors),
        describeValidationErrors(errors, data, { noun, known, twilioOnly, json }),
      );
    },
  };
}

/** Reads wire text (a query string, a form or a path) as the types the schema declares. */
function decodeFields(
  fields: Record<string, string | string[] | undefined>,
  schema: CompiledFields["schema"],
  noun: string,
): Record<string, unknown> {
  const decoded: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      throw new LamlError(
        400,
        ErrorCode.invalidArgument,
        `${name} was given ${value.length} times; give the ${noun} once`,
      );
    }
    decoded[name] = value === undefined ? value : decodeWireValue(schema.properties[name], value);
  }
  return decoded;
}

/**
 * Reads a query or form value, which is always text on the wire, as the type its schema
 * declares: `true`/`false` in any letter case for booleans (as the API reads them: twilio-python
 * before 9.0 and Twilio's Python and Ruby samples send `True`) and plain decimal digits for
 * integers. Anything else stays text, so the validator reports it against the declared type.
 */
function decodeWireValue(schema: JsonSchema | undefined, text: string): unknown {
  switch (schema?.type) {
    case "boolean": {
      const word = text.toLowerCase();
      return word === "true" ? true : word === "false" ? false : text;
    }
    case "integer":
      return /^-?\d{1,16}$/.test(text) ? Number(text) : text;
    case "number":
      return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    default:
      return text;
  }
}

function readBody(raw: RawRequest, schema: CompiledFields["schema"]): Record<string, unknown> {
  switch (raw.bodyKind) {
    case "none":
      // The API is documented with a required body, but an empty form is as good as none.
      return {};
    case "form":
      return decodeFields(raw.body as Record<string, string | string[]>, schema, "field");
    case "json":
      if (raw.body === null || typeof raw.body !== "object" || Array.isArray(raw.body)) {
        throw new LamlError(
          400,
          ErrorCode.invalidArgument,
          "The JSON body must be an object whose keys are the form's field names",
        );
      }
      return raw.body as Record<string, unknown>;
    case "unsupported":
      throw new LamlError(
        400,
        ErrorCode.invalidArgument,
        `Content-Type ${raw.contentType} is not accepted; send the fields as ${MEDIA_TYPES.form} (or as ${MEDIA_TYPES.json})`,
      );
  }
}
