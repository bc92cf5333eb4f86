import { bundle } from "./bundle.js";
import type { OpenApiDocument } from "./openapi-document.js";

/** A LaML error code the spec documents, as `LamlError.code`'s `x-laml-error-codes` lists it. */
export interface ErrorCode {
  code: number;
  /** The HTTP statuses that carry it, as the spec's response keys spell them (`"404"`, `"5XX"`). */
  statuses: readonly string[];
  /** What it means, in words. */
  meaning: string;
}

/** Reads `x-laml-error-codes` from a document's `LamlError` schema, refusing a malformed list. */
export function readErrorCodes(document: OpenApiDocument): ErrorCode[] {
  const where = "components.schemas.LamlError.properties.code.x-laml-error-codes";
  const properties = document.components.schemas.LamlError?.properties as Record<string, Record<string, unknown>>;
  const list = properties?.code?.["x-laml-error-codes"];
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`@laml/spec has no ${where}; list the error codes there (see spec/README.md).`);
  }
  for (const entry of list as Partial<ErrorCode>[]) {
    const ok =
      Number.isInteger(entry.code) &&
      Array.isArray(entry.statuses) &&
      entry.statuses.every((s) => typeof s === "string") &&
      typeof entry.meaning === "string";
    if (!ok) throw new Error(`@laml/spec ${where} has a malformed entry ${JSON.stringify(entry)}; see spec/README.md.`);
  }
  return list as ErrorCode[];
}

/** The LaML error codes the spec documents, in the order it lists them. */
export const errorCodes: readonly ErrorCode[] = Object.freeze(readErrorCodes(bundle));
