// Bun for the tests, from the npm registry (never its curl installer: the machines reach no other host).
import { installFromNpm } from "./install-from-npm.mjs";

/** The Bun the runtime matrix runs on, pinned so that a new release cannot change a test's result. */
export const BUN_VERSION = "1.4.5";

/** The path of Bun's executable, installed into this package's cache on first use. */
export function ensureBun() {
  return installFromNpm({ name: "bun", version: BUN_VERSION, bin: "bun" });
}
