import { LamlApiError } from "../errors/laml-api-error.js";

/**
 * Reads an answer's body: the parsed JSON of a 2xx (`undefined` when empty, as a delete's is),
 * or a `LamlApiError` for any other status, with the body parsed when it is JSON and as text when
 * it is not (a proxy's HTML page).
 */
export async function readResult<T>(method: string, response: Response): Promise<T> {
  const text = await response.text();
  if (response.ok) return text ? JSON.parse(text) : (undefined as T);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  throw new LamlApiError(method, response, body);
}
