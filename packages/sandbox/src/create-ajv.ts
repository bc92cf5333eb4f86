import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The validator type `createAjv` returns. */
export type Ajv = InstanceType<typeof Ajv2020.default>;

/**
 * A JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1) that knows the formats the spec
 * uses (`uuid`, `uri`, `int32`) and fills in the spec's `default`s (`PageSize` 50, `Page` 0).
 */
export function createAjv(): Ajv {
  // strict: false because the spec's schemas carry OpenAPI's own keywords (`example`).
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, useDefaults: true });
  addFormats.default(ajv);
  return ajv;
}
