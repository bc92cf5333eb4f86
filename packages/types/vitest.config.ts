import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The drift test regenerates the schema, which lints the whole spec first: seconds, and many
    // more on a loaded machine, so the default 5 s limit failed it spuriously.
    testTimeout: 60_000,
    typecheck: { include: ["test/**/*.test-d.mts"], tsconfig: "./tsconfig.json" },
  },
});
