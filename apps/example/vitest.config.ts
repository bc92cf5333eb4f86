import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts a sandbox and runs the built program as a child process.
    testTimeout: 30_000,
  },
});
