import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    typecheck: { include: ["test/**/*.test-d.mts"], tsconfig: "./tsconfig.json" },
  },
});
