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
    // The size test bundles with esbuild: slower than a unit test on a loaded machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
