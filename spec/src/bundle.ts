import { readFileSync } from "node:fs";
import type { OpenApiDocument } from "./openapi-document.js";

// `../dist/openapi.json` is the bundle beside the compiled module (dist/) and, for the spec's own
// tests, which run this file from src/, the same file. It is read synchronously, once per
// process, because the sandbox builds its routes from it at start-up.
const file = new URL("../dist/openapi.json", import.meta.url);

function readBundle(): OpenApiDocument {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument;
  } catch (cause) {
    throw new Error(`@laml/spec could not read its bundle ${file.pathname}; run \`pnpm --filter @laml/spec build\`.`, {
      cause,
    });
  }
}

/** The bundled, dereferenced spec that `@laml/spec`'s build writes. Never change it. */
export const bundle: OpenApiDocument = readBundle();
