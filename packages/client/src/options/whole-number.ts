import { LamlClientError } from "../errors/laml-client-error.js";

/** Returns `value`, or `fallback` when it is undefined; throws unless it is a whole number in [min, max]. */
export function wholeNumber<T>(
  value: number | undefined,
  name: string,
  fallback: T,
  min: number,
  max: number,
): number | T {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  throw new LamlClientError(`Invalid ${name} ${value}: expected a whole number from ${min} to ${max}.`);
}
