import type { FastifyRequest } from "fastify";

/** Each answered request's path parameters as its operation read them, for `onResponse`. */
const kept = new WeakMap<FastifyRequest, Record<string, string>>();

/** Keeps `params` (the `.json` suffix already taken off) as `request`'s. */
export function keepPathParams(request: FastifyRequest, params: Record<string, string>): void {
  kept.set(request, params);
}

/** The path parameters an operation read from `request`; none when no operation ran. */
export function pathParamsOf(request: FastifyRequest): Record<string, string> {
  return kept.get(request) ?? {};
}
