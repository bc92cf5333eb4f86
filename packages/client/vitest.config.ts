import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { define } from "./build-constants.js";

export default defineConfig({
  define,
  // The webhook recipes import the package by its public name, as the README shows them.
  resolve: { alias: { "@laml/client/webhooks": fileURLToPath(new URL("./src/webhooks/index.ts", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./test/tsconfig.json" },
    // The packaging test packs, extracts and type-checks a consumer: slower than a unit test.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
