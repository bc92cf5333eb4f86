import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts both servers as child processes.
    testTimeout: 30_000,
  },
});
