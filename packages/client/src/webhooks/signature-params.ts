/**
 * The form fields of a signed request: a plain object, with a repeated field as an array of its
 * values, or `URLSearchParams` (a parsed form body or query string).
 */
export type SignatureParams = Readonly<Record<string, string | readonly string[]>> | URLSearchParams;
