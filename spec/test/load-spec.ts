import { readFile } from "node:fs/promises";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The bundled, dereferenced spec that `build` writes. */
export async function loadSpec(): Promise<any> {
  return JSON.parse(await readFile(new URL("../dist/openapi.json", import.meta.url), "utf8"));
}

/** A JSON Schema 2020-12 validator that knows the formats the spec uses (uuid, uri). */
export function createAjv() {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}
