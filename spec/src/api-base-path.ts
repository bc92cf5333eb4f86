import { bundle } from "./bundle.js";
import type { ServerObject } from "./openapi-document.js";

/** A server's URL with each `{variable}` replaced by its default. */
export function resolveServerUrl(server: ServerObject): string {
  return server.url.replace(/\{(\w+)\}/g, (_, name: string) => {
    const variable = server.variables?.[name];
    if (!variable) throw new Error(`@laml/spec server variable {${name}} of ${server.url} has no default; add one.`);
    return variable.default;
  });
}

/** The path every operation lives under, taken from a document's first server, without a trailing `/`. */
export function readApiBasePath(servers: readonly ServerObject[]): string {
  const [server] = servers;
  if (!server) throw new Error("@laml/spec declares no server; add one under `servers:` in spec/openapi.yaml.");
  return new URL(resolveServerUrl(server)).pathname.replace(/\/$/, "");
}

/** The path every operation lives under, e.g. `/api/laml/2010-04-01`, from `servers[0].url`. */
export const apiBasePath: string = readApiBasePath(bundle.servers);
