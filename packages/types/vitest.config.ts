import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // The drift test runs openapi-typescript over the whole spec, alongside the type tests' tsc:
    // seconds on a quiet machine, more than the default five on a busy one.
    testTimeout: 60_000,
  },
});
