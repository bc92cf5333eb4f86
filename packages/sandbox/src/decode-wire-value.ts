import type { JsonSchema } from "./openapi-document.js";

/**
 * Reads a query or form value, which is always text on the wire, as the type its schema
 * declares: `true`/`false` for booleans and plain decimal digits for integers. Anything else
 * stays text, so the validator reports it against the declared type.
 */
export function decodeWireValue(schema: JsonSchema | undefined, text: string): unknown {
  switch (schema?.type) {
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "integer":
      return /^-?\d{1,16}$/.test(text) ? Number(text) : text;
    case "number":
      return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    default:
      return text;
  }
}
