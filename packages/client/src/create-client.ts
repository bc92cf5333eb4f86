import openapiFetch from "openapi-fetch";

/**
 * openapi-fetch's `createClient`. Its CommonJS build exports it as `exports.default` beside
 * `__esModule`; the CJS build of this package, bundled from ESM source with Node's semantics,
 * receives that whole exports object as the default import, hence the unwrapping (at call time,
 * so that the module has no top-level effect and stays tree-shakeable).
 */
export const createClient: typeof openapiFetch = (options) =>
  ((openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch)(options);
