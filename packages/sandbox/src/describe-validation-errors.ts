import type { ErrorObject } from "ajv";

/** How many problems one error message lists before summing up the rest. */
const MAX_LISTED = 5;
/** How much of an offending value an error message quotes. */
const MAX_QUOTED = 60;

const FORMAT_WORDS: Record<string, string> = {
  uuid: "a UUID",
  uri: "an absolute URI (such as https://example.com/hold.xml)",
  int32: "a 32-bit integer",
};

/** What the checked object holds: its noun, its known fields, and how its values arrived. */
export interface ValidationFields {
  noun: string;
  known: readonly string[];
  /** Names Twilio's API takes and SignalWire's does not: refused with a message saying so. */
  twilioOnly?: readonly string[];
  /** Whether the values arrived as JSON (quoted as JSON) rather than as wire text. */
  json?: boolean;
}

/**
 * Turns validator errors into one sentence per problem, each naming the field, the constraint
 * and the value received: "PageSize must be <= 1000, got 5000".
 */
export function describeValidationErrors(
  errors: ErrorObject[],
  received: Record<string, unknown>,
  fields: ValidationFields,
): string {
  const sentences = [...new Set(errors.map((e) => describe(e, received, fields)))];
  const listed = sentences.slice(0, MAX_LISTED).join("; ");
  const rest = sentences.length - MAX_LISTED;
  return rest > 0 ? `${listed}; and ${rest} more problem${rest === 1 ? "" : "s"}` : listed;
}

function describe(error: ErrorObject, received: Record<string, unknown>, fields: ValidationFields): string {
  const quote = (value: unknown) => quoteValue(value, fields.json ?? false);
  // A nested field (in the fault settings) is named by its path: `share.429`.
  const path = error.instancePath.split("/").slice(1);
  const field = path.length > 0 ? path.join(".") : undefined;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties") {
    const extra = String(params.additionalProperty);
    if (fields.twilioOnly?.includes(extra)) {
      return `${extra} is a ${fields.noun} of Twilio's API, which SignalWire does not take; leave it out`;
    }
    const known = fields.known.length > 0 ? `: use ${fields.known.join(", ")}` : "";
    return `${quote(extra)} is not a ${fields.noun} of this operation${known}`;
  }
  if (error.keyword === "required") return `${String(params.missingProperty)} is required`;
  if (field === undefined) return `the ${fields.noun}s must form an object, got ${quote(received)}`;
  const value = path.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], received);
  return `${field} ${constraint(error, params)}, got ${quote(value)}`;
}

function constraint(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case "type":
      if (params.type === "boolean") return "must be true or false";
      if (params.type === "integer") return "must be an integer";
      return `must be of type ${String(params.type)}`;
    case "format":
      return `must be ${FORMAT_WORDS[String(params.format)] ?? `in the format ${String(params.format)}`}`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).join(", ")}`;
    case "pattern":
      return `must match ${String(params.pattern)}`;
    default:
      return error.message ?? "is invalid";
  }
}

/** Quotes a received value briefly: wire text as it came, JSON values (`json`) as JSON. */
function quoteValue(value: unknown, json: boolean): string {
  if (value === "") return "an empty value";
  const text = typeof value === "string" && !json ? value : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}
