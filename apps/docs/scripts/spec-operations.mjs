import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * One code sample of an operation, as the spec's `x-codeSamples` holds it.
 * @typedef {{ lang: string, label?: string, source: string }} CodeSample
 */

/**
 * An operation of the bundled spec, with what the docs build and tests look at.
 * @typedef {{ path: string, method: string, operationId: string, summary: string, op: any, samples: CodeSample[] }} Operation
 */

/**
 * The bundled, dereferenced spec that `@laml/spec`'s build writes.
 * @returns {Promise<any>}
 */
export async function loadSpec() {
  const file = createRequire(import.meta.url).resolve("@laml/spec/openapi.json");
  return JSON.parse(await readFile(file, "utf8"));
}

/**
 * Every operation of the spec, in the order the spec lists them.
 * @param {any} spec
 * @returns {Operation[]}
 */
export function operationsOf(spec) {
  /** @type {Operation[]} */
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(/** @type {Record<string, any>} */ (item))) {
      if (typeof op?.operationId !== "string") continue;
      operations.push({
        path,
        method,
        operationId: op.operationId,
        summary: op.summary,
        op,
        samples: op["x-codeSamples"] ?? [],
      });
    }
  }
  return operations;
}
