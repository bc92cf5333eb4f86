import { apiBasePath, type ErrorCode, errorCodes, parameter } from "@laml/spec";

/**
 * The one LaML error code the spec lists for an HTTP status, matched as the spec's response keys
 * spell it: exactly (`"404"`) or by its class (`"5XX"`). Throws when the spec lists none or several.
 */
export function errorCodeFor(status: number, codes: readonly ErrorCode[] = errorCodes): number {
  const keys = [String(status), `${String(status).charAt(0)}XX`];
  const matching = codes.filter(({ statuses }) => statuses.some((key) => keys.includes(key)));
  const [only] = matching;
  if (matching.length !== 1 || !only) {
    const found = matching.map(({ code }) => code).join(", ") || "none";
    throw new Error(
      `@laml/spec's x-laml-error-codes list ${found} for HTTP ${status}; the packaging tests expect exactly one (spec/README.md).`,
    );
  }
  return only.code;
}

/** A fact the spec gives a parameter of listParticipants; throws when it is not there. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new Error(`@laml/spec gives listParticipants' ${what} no value; the packaging tests need it.`);
  return value;
}

const pageSize = parameter("listParticipants", "PageSize");
const pageToken = parameter("listParticipants", "PageToken") as { example?: string };

/**
 * The spec facts the packaging tests need, read from @laml/spec so that none is written out by
 * hand (a renamed parameter makes `parameter()` throw). The smoke suite cannot import the
 * workspace (it runs against the installed tarballs, in Bun, Deno and a browser too), so the
 * runtime matrix hands it the ones it needs in its config.
 */
export const specFacts = Object.freeze({
  /** The path every operation lives under, e.g. `/api/laml/2010-04-01`. */
  apiBasePath,
  /** The code of a 404: an account, conference or participant that does not exist. */
  notFoundCode: errorCodeFor(404),
  /** The code of a 503, as the sandbox answers the one it injects. */
  serviceUnavailableCode: errorCodeFor(503),
  /** `PageSize`'s maximum: the largest page, which `list()` asks for. */
  pageSizeMax: required(pageSize.schema.maximum as number | undefined, "PageSize maximum"),
  /** The spec's example of a `PageToken`, a cursor as a `next_page_uri` carries it. */
  pageTokenExample: required(pageToken.example, "PageToken example"),
});
