import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** One code sample of an operation, as the spec's `x-codeSamples` holds it. */
export interface CodeSample {
  lang: string;
  label?: string;
  source: string;
}

/** An operation of the bundled spec, with what the docs tests look at. */
export interface Operation {
  path: string;
  method: string;
  operationId: string;
  summary: string;
  op: any;
  samples: CodeSample[];
}

/** The bundled, dereferenced spec that `@laml/spec`'s build writes. */
export async function loadSpec(): Promise<any> {
  const file = createRequire(import.meta.url).resolve("@laml/spec/openapi.json");
  return JSON.parse(await readFile(file, "utf8"));
}

/** Every operation of the spec, in the order the spec lists them. */
export function operationsOf(spec: any): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (typeof op?.operationId !== "string") continue;
      operations.push({ path, method, operationId: op.operationId, summary: op.summary, op, samples: op["x-codeSamples"] ?? [] });
    }
  }
  return operations;
}
