import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The client package's directory. */
export const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** Fails with the fix when the build these tests inspect is missing (turbo builds it before `test`). */
export function requireBuild(): void {
  if (!existsSync(`${PACKAGE_DIR}/dist/index.js`)) {
    throw new Error("dist/ is missing: run `pnpm --filter @laml/client build` (turbo does it before `test`).");
  }
}
