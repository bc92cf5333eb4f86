// What the benchmark needs to know about the API, read from @laml/spec at run time so that the
// fixture server and the clients follow the spec instead of a hand-written copy of it.
import { apiBasePath, bundle, parameter } from "@laml/spec";

/** @import { Participant } from "@laml/types" */

/** @type {Participant} */
const exampleParticipant = /** @type {Participant} */ (bundle.components.examples.Participant?.value);
const required = /** @type {string[]} */ (bundle.components.schemas.Participant?.required ?? []);
const missing = required.filter((field) => !(field in exampleParticipant));
if (missing.length > 0) {
  throw new Error(`The spec's Participant example lacks required fields ${missing.join(", ")}; fix the example.`);
}

// The suffix the API's URIs carry (`.json`), as the spec's example participant's `uri` writes it.
const uriSuffix = /(\.\w+)(?:\?|$)/.exec(exampleParticipant.uri ?? "")?.[1];
if (!uriSuffix) {
  throw new Error(`The spec's Participant example has no suffixed uri (${exampleParticipant.uri}); fix the example.`);
}

/** The spec facts the benchmark uses: base path, default page size, an example participant, URI suffix. */
export const specFacts = Object.freeze({
  /** The path every operation lives under, e.g. `/api/laml/2010-04-01`. */
  basePath: apiBasePath,
  /** The page size the API uses when `PageSize` is absent. */
  defaultPageSize: /** @type {number} */ (parameter("listParticipants", "PageSize").schema.default),
  /** A complete participant, as the spec's own example shows one. */
  exampleParticipant,
  /** What the API's URIs end with, and what any path may also be requested with: `.json`. */
  uriSuffix,
});
