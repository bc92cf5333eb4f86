import { defaultPathSerializer } from "openapi-fetch";

/** A path template's parameter, `{Name}`, with any of OpenAPI's style marks (`{.Name}`, `{;Name*}`). */
const PARAMETER = /\{([^{}]+)\}/g;

/** A parameter with no style mark: the only kind the spec's paths have (`{AccountSid}`). */
const PLAIN = /^[\w-]+$/;

/**
 * openapi-fetch's path serializer, in one pass over the URL for the plain parameters every path
 * of the spec has: its default scans the URL again for each parameter it replaces, on every call.
 * A styled or non-primitive parameter is serialized by the default itself, so the result is the
 * default's for any path.
 */
export function serializePath(url: string, params: Record<string, unknown>): string {
  return url.replace(PARAMETER, (match: string, name: string) => {
    const value = params[name];
    const primitive = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    return primitive && PLAIN.test(name) ? encodeURIComponent(value) : defaultPathSerializer(match, params);
  });
}
