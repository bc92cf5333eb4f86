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
  // openapi-fetch is bundled in: Node 20 takes longer to resolve a bare package specifier at
  // import than this whole package takes to load (docs/decisions.md). It stays a dependency for
  // the types of `laml.raw`.
  noExternal: ["openapi-fetch"],
});
