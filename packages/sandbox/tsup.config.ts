import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

/**
 * @laml/spec is private and reads its openapi.json beside its own module at run time; in the
 * bundle, its `bundle` module becomes the bundle itself, so the spec ships inside dist/. The
 * build fails if that module is never met (renamed, say), rather than ship a bundle that looks
 * for a file that is not there.
 */
function inlineSpecBundle(): Plugin {
  const json = fileURLToPath(import.meta.resolve("@laml/spec/openapi.json"));
  const module = fileURLToPath(new URL("bundle.js", import.meta.resolve("@laml/spec")));
  return {
    name: "inline-spec-bundle",
    setup(build) {
      let inlined = false;
      build.onLoad({ filter: /[\\/]bundle\.js$/ }, (args) => {
        if (args.path !== module) return undefined;
        inlined = true;
        return { contents: `export const bundle = ${readFileSync(json, "utf8")};`, loader: "js" };
      });
      build.onEnd((result) => {
        if (result.errors.length === 0 && !inlined) throw new Error(`the build never loaded ${module} to inline it`);
      });
    },
  };
}

/**
 * The library and the CLI, each one ES module with every dependency inside (shared code in
 * dist/chunks/): a user's `npm install` then fetches nothing, so no dependency's `engines` (or
 * the private @laml/spec) can stop it on Node 20. The workspace's pnpm overrides, which keep
 * fastify's dependencies on Node 20, hold for what is bundled; they would not travel with a
 * published package's dependencies.
 */
export default defineConfig({
  entry: { index: "src/index.ts", cli: "src/cli/laml-sandbox.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  splitting: true,
  noExternal: [/./],
  // One declaration file for the library, holding only what its exports need.
  // `@internal` members (the state's constructor) are left out, and with them @laml/spec's and
  // Ajv's types, which a user does not install; @laml/types stays the one dependency, for types.
  dts: { entry: { index: "src/index.ts" }, compilerOptions: { stripInternal: true } },
  esbuildPlugins: [inlineSpecBundle()],
  esbuildOptions(options) {
    options.chunkNames = "chunks/[name]-[hash]";
  },
  // Bundled CommonJS dependencies (fastify, ajv) call require() for Node's own modules.
  banner: {
    js: 'import { createRequire as __lamlRequire } from "node:module"; const require = __lamlRequire(import.meta.url);',
  },
});
