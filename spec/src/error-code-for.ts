import { type ErrorCode, errorCodes } from "./error-codes.js";

/**
 * The one LaML error code the spec lists for an HTTP status, matched as the spec's response keys
 * spell it: exactly (`"404"`) or by its class (`"5XX"` for a 503). Throws when the spec lists
 * none or several, since a caller that answers or tells apart a status by its code needs one.
 */
export function errorCodeFor(status: number, codes: readonly ErrorCode[] = errorCodes): number {
  const keys = [String(status), `${String(status).charAt(0)}XX`];
  const matching = codes.filter(({ statuses }) => statuses.some((key) => keys.includes(key)));
  const [only] = matching;
  if (matching.length !== 1 || !only) {
    const found = matching.map(({ code }) => code).join(", ") || "none";
    throw new Error(
      `@laml/spec's x-laml-error-codes list ${found} for HTTP ${status}, and errorCodeFor needs exactly one: ` +
        `give ${status} (or ${keys[1]}) to one code in spec/components/schemas/LamlError.yaml's code.x-laml-error-codes ` +
        "and in the Errors table of spec/descriptions/introduction.md, or pick the code from errorCodes by its meaning.",
    );
  }
  return only.code;
}
