import { bundle } from "./bundle.js";
import type { ParameterObject } from "./openapi-document.js";
import { readOperations, type SpecOperation } from "./read-operations.js";

/** Every operation of the spec, in spec order, path-level parameters merged. */
export const operations: readonly SpecOperation[] = Object.freeze(readOperations(bundle));

/** The operation with this `operationId`; throws naming the ones that exist when there is none. */
export function operation(operationId: string): SpecOperation {
  const found = operations.find((candidate) => candidate.operationId === operationId);
  if (found) return found;
  const known = operations.map((candidate) => candidate.operationId).join(", ");
  throw new Error(`@laml/spec has no operation "${operationId}"; its operations are ${known}.`);
}

/**
 * A parameter of an operation by name (and, when a name is used in two places, by `in`);
 * throws naming the operation's parameters when there is none.
 */
export function parameter(operationId: string, name: string, location?: ParameterObject["in"]): ParameterObject {
  const { parameters } = operation(operationId);
  const found = parameters.find((p) => p.name === name && (location === undefined || p.in === location));
  if (found) return found;
  const known = parameters.map((p) => `${p.name} (${p.in})`).join(", ");
  const wanted = location === undefined ? `"${name}"` : `"${name}" in ${location}`;
  throw new Error(`@laml/spec operation ${operationId} has no parameter ${wanted}; its parameters are ${known}.`);
}
