import { apiBasePath, errorCodeFor, parameter } from "@laml/spec";

/**
 * A field of a listParticipants parameter the packaging tests need; throws, naming the spec file
 * and field to fill in, when it is not there.
 */
function required<T>(value: T | undefined, name: string, field: string): T {
  if (value === undefined) {
    throw new Error(
      `@laml/spec gives listParticipants' ${name} no ${field}, which the packaging tests need: set \`${field}\` in spec/components/parameters/${name}.yaml, then rebuild @laml/spec.`,
    );
  }
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
  pageSizeMax: required(pageSize.schema.maximum as number | undefined, "PageSize", "schema.maximum"),
  /** The spec's example of a `PageToken`, a cursor as a `next_page_uri` carries it. */
  pageTokenExample: required(pageToken.example, "PageToken", "example"),
});
