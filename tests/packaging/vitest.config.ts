import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packs every public package and installs the tarballs into a consumer once, for all files.
    globalSetup: ["test/support/pack-and-install.ts"],
    // Each test runs tsc or node on a whole consumer project: slower than a unit test.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
