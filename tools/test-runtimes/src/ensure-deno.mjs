// Deno for the tests, from the npm registry (never its curl installer: the machines reach no other host).
import { installFromNpm } from "./install-from-npm.mjs";

/** The Deno the runtime matrix runs on, pinned so that a new release cannot change a test's result. */
export const DENO_VERSION = "2.9.6";

/** The path of Deno's executable, installed into this package's cache on first use. */
export function ensureDeno() {
  return installFromNpm({ name: "deno", version: DENO_VERSION, bin: "deno" });
}
