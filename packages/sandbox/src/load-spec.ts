import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { OpenApiDocument } from "./openapi-document.js";

let loaded: OpenApiDocument | undefined;

/**
 * Reads the dereferenced bundle that `@laml/spec` builds from `spec/`: the sandbox builds its
 * routes and checks from it at start-up, so it never drifts from the spec. It is read once per
 * process (the CLI's banner and every sandbox a test starts share it) and never changed.
 */
export function loadSpec(): OpenApiDocument {
  loaded ??= JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve("@laml/spec/openapi.json"), "utf8"),
  ) as OpenApiDocument;
  return loaded;
}
