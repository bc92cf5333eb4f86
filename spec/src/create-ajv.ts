import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The validator type `createAjv` returns. */
export type Ajv = InstanceType<typeof Ajv2020.default>;

/** What a caller of `createAjv` may choose. */
export interface CreateAjvOptions {
  /** Fill in the `default`s the schemas give (the list's paging parameters have some) while validating; off by default. */
  useDefaults?: boolean;
}

/**
 * A JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1) that knows the formats the spec
 * uses (`uuid`, `uri`, `int32`) and reports every error, not only the first.
 */
export function createAjv(options: CreateAjvOptions = {}): Ajv {
  // strict: false because the spec's schemas carry OpenAPI's own keywords (`example`) and
  // vendor extensions (`x-laml-error-codes`).
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, useDefaults: options.useDefaults ?? false });
  addFormats.default(ajv);
  return ajv;
}
