import type { paths } from "@laml/types";
import type { Client } from "openapi-fetch";
import type { LamlClient } from "../../create-laml-client.js";
import type { RequestOptions } from "../../options/request-options.js";
import { createRawClient } from "./create-raw-client.js";

/**
 * `Client` with `raw`, and a `withOptions()` that keeps it. Generic over the client so that it
 * composes with `withBulk()` in either order.
 */
export type WithRaw<Client_ extends LamlClient> = Omit<Client_, "raw" | "withOptions"> & {
  /**
   * The underlying openapi-fetch client, with the same base URL, auth, retries and timeouts. Its
   * init also takes `timeoutMs` and `maxRetries` for that call.
   */
  readonly raw: Client<paths>;
  /** A client sharing everything with this one but these defaults; it keeps `raw`. */
  withOptions(options: RequestOptions): WithRaw<Client_>;
};

/** `createLamlClient()` with `raw`. */
export type RawLamlClient = WithRaw<LamlClient>;

/**
 * The same client with `laml.raw`, an openapi-fetch client of every path of the spec. It is
 * opt-in because openapi-fetch is over a third of the minimal program's bytes, and a bundler
 * cannot drop a property of an object the program keeps: a program that never calls this
 * bundles none of it.
 */
export function withRaw<Client_ extends LamlClient>(laml: Client_): WithRaw<Client_> {
  return {
    ...laml,
    raw: createRawClient(laml.core),
    // `laml.withOptions()` returns the same kind of client as `laml` (a plain, bulk or raw one),
    // which its declared `LamlClient` cannot say.
    withOptions: (options) => withRaw(laml.withOptions(options) as Client_),
  };
}
