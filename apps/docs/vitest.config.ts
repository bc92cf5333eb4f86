import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Rendering the docs and driving Chromium take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 600_000, // the browser test may first apt-get install Chromium
  },
});
