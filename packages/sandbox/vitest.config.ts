import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The integration files start real servers and page through thousands of participants.
    testTimeout: 30_000,
  },
});
