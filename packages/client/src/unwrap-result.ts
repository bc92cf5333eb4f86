import { LamlApiError } from "./laml-api-error.js";

/** The part of openapi-fetch's `{ data, error, response }` that the resource methods read. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of a 2xx answer and throws `LamlApiError` for any other. */
export function unwrapResult<T>(method: string, { data, error, response }: FetchResult<T>): T {
  if (response.ok) return data as T;
  throw new LamlApiError(method, response, error);
}
