// What the benchmark needs to know about the API, read from the dereferenced spec at run time so
// that the fixture server and the clients follow the spec instead of a hand-written copy of it.
import spec from "@laml/spec/openapi.json" with { type: "json" };

/** @import { Participant } from "@laml/types" */

const server = spec.servers[0];
if (!server) throw new Error("@laml/spec declares no server; the benchmark needs its base path.");
const serverUrl = server.url.replace(/\{(\w+)\}/g, (_, name) => {
  const variable = /** @type {Record<string, { default: string }>} */ (server.variables)[name];
  if (!variable) throw new Error(`@laml/spec server variable {${name}} has no default.`);
  return variable.default;
});

/** @type {Participant} */
const exampleParticipant = spec.components.examples.Participant.value;
const missing = spec.components.schemas.Participant.required.filter((field) => !(field in exampleParticipant));
if (missing.length > 0) {
  throw new Error(`The spec's Participant example lacks required fields ${missing.join(", ")}; fix the example.`);
}

/** The spec facts the benchmark uses: base path, default page size, an example participant. */
export const specFacts = Object.freeze({
  /** The path every operation lives under, e.g. `/api/laml/2010-04-01`. */
  basePath: new URL(serverUrl).pathname.replace(/\/$/, ""),
  /** The page size the API uses when `PageSize` is absent. */
  defaultPageSize: spec.components.parameters.PageSize.schema.default,
  /** A complete participant, as the spec's own example shows one. */
  exampleParticipant,
});
