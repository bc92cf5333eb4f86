import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { format } from "../format.mjs";
import { programs } from "../programs.mjs";

/** @import { BenchOptions, Row } from "../bench.js" */

/** @type {ReadonlyArray<{ name: string, options: import("esbuild").BuildOptions }>} */
const targets = [
  { name: "browser", options: { platform: "browser", format: "esm", target: "es2022" } },
  // CommonJS so that twilio-node's require() of Node built-ins still works in the bundle.
  { name: "Node", options: { platform: "node", format: "cjs", target: "node20" } },
];

// The budget packages/client/test/size.test.ts enforces, 6 KiB, applies to the browser (ESM)
// bundle it measures (it leaves room for error messages that say how to fix what went wrong);
// the Node (CommonJS) bundle is judged by how much smaller than twilio it is, the only bundle
// twilio makes.
const budget = { gzipBytes: 6 * 1024, smallerThanTwilio: 70 };

/**
 * The bundle size of a program's `connect` and `listAll` (the minimal program that lists every
 * participant; the other operations are left out), or why esbuild refused to bundle it.
 * @param {URL} file
 * @param {import("esbuild").BuildOptions} options
 * @returns {Promise<{ minified: number, gzipped: number } | { failure: string }>}
 */
async function measure(file, options) {
  const path = fileURLToPath(file);
  try {
    const result = await build({
      ...options,
      stdin: { contents: `export { connect, listAll } from ${JSON.stringify(path)};`, resolveDir: dirname(path) },
      bundle: true,
      minify: true,
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents;
    if (!code) throw new Error("esbuild wrote no output");
    return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  } catch (error) {
    const errors = /** @type {{ errors?: Array<{ text: string }> }} */ (error).errors;
    if (!errors?.length) throw error;
    return { failure: `${errors.length} esbuild error(s), first: ${errors[0]?.text}` };
  }
}

/**
 * Bundle size of each program in src/programs/ (a minimal program that lists participants),
 * minified by esbuild and gzipped, for browsers and for Node; kB are 1000 bytes, as in the issue.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function bundleSize({ log }) {
  /** @type {Row[]} */
  const rows = [];
  for (const target of targets) {
    log(`bundle size: ${target.name}`);
    const sizes = Object.fromEntries(
      await Promise.all(
        Object.entries(programs).map(async ([id, program]) => [id, await measure(program.file, target.options)]),
      ),
    );
    const twilio = "gzipped" in sizes.twilio ? sizes.twilio.gzipped : null;
    const openapiFetch = "gzipped" in sizes["openapi-fetch"] ? sizes["openapi-fetch"].gzipped : null;
    for (const [id, program] of Object.entries(programs)) {
      const size = sizes[id];
      const benchmark = `Bundle size, ${target.name} (minified + gzip -9)`;
      const subject = `${program.label}${id === "raw-fetch" ? " (reference)" : ""}`;
      if ("failure" in size) {
        rows.push({
          benchmark,
          subject,
          figure: "does not bundle",
          value: null,
          ratio: "",
          target: "",
          holds: null,
          failure: size.failure,
        });
        continue;
      }
      const isClient = id === "laml-client";
      const smaller = twilio === null ? null : twilio / size.gzipped;
      const ratios = [
        openapiFetch && id !== "openapi-fetch" ? `${format.times(size.gzipped / openapiFetch)} openapi-fetch` : "",
        isClient
          ? smaller === null
            ? "twilio does not bundle here"
            : `${format.times(smaller)} smaller than twilio`
          : "",
      ];
      rows.push({
        benchmark,
        subject,
        figure: `${format.kB(size.gzipped)} gzip = ${format.count(size.gzipped)} B (${format.kB(size.minified)} minified)`,
        value: size.gzipped,
        ratio: ratios.filter(Boolean).join("; ") || (id === "openapi-fetch" ? "1×" : ""),
        target: isClient
          ? smaller === null
            ? `≤ ${budget.gzipBytes / 1024} KiB (${format.count(budget.gzipBytes)} B) gzip`
            : `≥ ${budget.smallerThanTwilio}× smaller than twilio`
          : "",
        holds: isClient
          ? smaller === null
            ? size.gzipped <= budget.gzipBytes
            : smaller >= budget.smallerThanTwilio
          : null,
      });
    }
  }
  return rows;
}
