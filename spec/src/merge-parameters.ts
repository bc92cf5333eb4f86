import type { ParameterObject } from "./openapi-document.js";

/**
 * A path item's parameters followed by its operation's, where an operation's own parameter
 * overrides a path-level one of the same name and place (`in`), as OpenAPI says.
 */
export function mergeParameters(
  pathLevel: readonly ParameterObject[] = [],
  own: readonly ParameterObject[] = [],
): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const parameter of [...pathLevel, ...own]) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  return [...byKey.values()];
}
