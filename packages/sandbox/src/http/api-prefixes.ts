import type { OpenApiDocument } from "../openapi-document.js";

/**
 * The path prefixes the API is served under: the server URL's path (`/api/laml/2010-04-01`) and
 * its last segment alone (`/2010-04-01`), the root that SignalWire's Twilio-derived SDKs call.
 */
export function apiPrefixes(spec: OpenApiDocument): string[] {
  const server = spec.servers[0]?.url;
  if (!server) throw new Error("The spec declares no server, so the sandbox cannot tell the API's path prefix");
  const documented = new URL(server.replace(/\{[^}]+\}/g, "x")).pathname.replace(/\/$/, "");
  const version = documented.slice(documented.lastIndexOf("/"));
  return version === documented ? [documented] : [documented, version];
}
