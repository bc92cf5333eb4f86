import type { ListParticipantsQuery, UpdateParticipantBody } from "@laml/types";

/**
 * Encodes fields as `application/x-www-form-urlencoded`, booleans as `true`/`false`, leaving out
 * unset ones: the list's query string, and the update's body. It is openapi-fetch's
 * `bodySerializer` for every request (the API's only body is this form), because openapi-fetch's
 * default quietly sends JSON unless the Content-Type header is exactly the form type.
 */
export function serializeForm(fields?: ListParticipantsQuery | UpdateParticipantBody): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields ?? {})) {
    if (value != null) form.append(name, `${value}`);
  }
  return form.toString();
}
