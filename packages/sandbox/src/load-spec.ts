import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { OpenApiDocument } from "./openapi-document.js";

/**
 * Reads the dereferenced bundle that `@laml/spec` builds from `spec/`: the sandbox builds its
 * routes and checks from it at start-up, so it never drifts from the spec.
 */
export function loadSpec(): OpenApiDocument {
  const path = createRequire(import.meta.url).resolve("@laml/spec/openapi.json");
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}
