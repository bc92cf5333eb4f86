import { defineConfig } from "tsup";
import { define } from "./build-constants.js";

export default defineConfig({
  // The webhooks entry imports nothing of the REST client, so the core entry's bundle stays as small.
  entry: { index: "src/index.ts", webhooks: "src/webhooks/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  define,
  // openapi-fetch is bundled in: Node 20 spends 2-2.5 ms resolving a bare package specifier at
  // import, more than this whole package takes to load (bench: load time 1.57x openapi-fetch
  // alone). It stays a dependency for the types of `laml.raw`.
  noExternal: ["openapi-fetch"],
});
