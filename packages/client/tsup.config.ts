import { defineConfig } from "tsup";
import { define } from "./build-constants.js";

/**
 * The package's entry points by their name in dist/: each one is built to `<name>.js`, `.cjs`
 * and `.d.ts`. A new entry point is a line here and its subpath in package.json's `exports`.
 */
const entry = {
  index: "src/index.ts",
  // The webhooks, roster and bulk entries import nothing of the REST client at run time, so the
  // core entry's bundle stays as small.
  webhooks: "src/webhooks/index.ts",
  roster: "src/roster/index.ts",
  bulk: "src/bulk/index.ts",
};

export default defineConfig({
  entry,
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  define,
  // openapi-fetch is bundled in: Node 20 takes longer to resolve a bare package specifier at
  // import than this whole package takes to load (docs/decisions.md). It stays a dependency for
  // the types of `withRaw(laml).raw`.
  noExternal: ["openapi-fetch"],
  // Each entry is one self-contained file, as CommonJS builds are: a module two entries share
  // (the roster's and bulk's not-found check) is copied into both, not split into a chunk that a
  // page loading `dist/index.js` through an import map would also have to find.
  splitting: false,
});
