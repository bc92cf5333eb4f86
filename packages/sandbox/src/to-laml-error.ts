import { ErrorCode, LamlError } from "./laml-error.js";

/** The largest request body the sandbox reads, in bytes. An update form is a few hundred. */
export const BODY_LIMIT = 64 * 1024;

/**
 * Translates whatever went wrong into a LaML error. Framework errors about the request become
 * 400 (the spec documents no 413 or 415); anything else is the sandbox's own fault, a 500.
 */
export function toLamlError(error: unknown): LamlError {
  if (error instanceof LamlError) return error;
  const { code, statusCode, message } = (error ?? {}) as { code?: string; statusCode?: number; message?: string };
  const invalid = (text: string) => new LamlError(400, ErrorCode.invalidArgument, text);
  switch (code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return invalid(
        "The body is not valid JSON (or holds a forbidden key such as __proto__); send a JSON object of fields",
      );
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return invalid(
        "The body is empty although Content-Type says JSON; send a JSON object, or no Content-Type and no body",
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return invalid(`The body is larger than ${BODY_LIMIT} bytes`);
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return invalid("Content-Length does not match the body sent");
    case "FST_ERR_BAD_URL":
      return invalid("The path is not validly percent-encoded");
    case "FST_ERR_MAX_PARAM_LENGTH":
      return invalid("A path segment is too long to be a SID");
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500)
    return invalid(message ?? "The request is invalid");
  return new LamlError(
    500,
    ErrorCode.unavailable,
    "The sandbox failed to handle this request; please report it with the request",
  );
}
