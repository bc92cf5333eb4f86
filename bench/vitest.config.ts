import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The smoke test forks servers and builds a worktree: generous limits, no timing assertions.
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
