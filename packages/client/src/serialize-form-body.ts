import type { UpdateParticipantBody } from "@laml/types";

/**
 * Encodes an update as `application/x-www-form-urlencoded`, booleans as `true`/`false`, leaving
 * out unset fields. It is openapi-fetch's `bodySerializer` for every request (the API's only body
 * is this form), because openapi-fetch's default quietly sends JSON unless the Content-Type
 * header is exactly the form type.
 */
export function serializeFormBody(body?: UpdateParticipantBody): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body ?? {})) {
    if (value != null) form.append(name, `${value}`);
  }
  return form.toString();
}
