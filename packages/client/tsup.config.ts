import { defineConfig } from "tsup";
import { define } from "./build-constants.js";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  define,
});
