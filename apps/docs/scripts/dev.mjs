// `pnpm --filter docs dev`: serves the docs on 127.0.0.1 and rebuilds them whenever a file under
// spec/ changes, printing the spec's lint findings each time.
import { watch } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildDocs } from "./build-docs.mjs";
import { runPackageScript } from "./run-package-script.mjs";
import { distDir, serveDocs } from "./serve-docs.mjs";

const specDir = fileURLToPath(new URL("../../../spec", import.meta.url));
/** Output and tool folders inside spec/: the spec's own build writes dist/, which must not loop. */
const IGNORED = /(^|\/)(dist|node_modules|\.turbo)(\/|$)/;
/** Editors save in bursts (temp file, rename, chmod): wait for the burst to end. */
const DEBOUNCE_MS = 100;

/** Lints the spec while bundling it (its own scripts) and building the docs; prints the outcome. */
async function rebuild(/** @type {string} */ reason) {
  const started = performance.now();
  const [lint, build] = await Promise.all([
    runPackageScript(specDir, "lint"),
    runPackageScript(specDir, "build").then(async (bundle) => {
      if (bundle.code !== 0) return { error: `spec bundle failed:\n${bundle.output}` };
      return buildDocs(distDir).catch((/** @type {Error} */ error) => ({ error: error.message }));
    }),
  ]);
  console.log(`\n[${new Date().toLocaleTimeString()}] ${reason}`);
  console.log(lint.output);
  if ("error" in build) console.error(`docs not rebuilt, still serving the previous build:\n${build.error}`);
  else console.log(`docs rebuilt in ${Math.round(performance.now() - started)} ms (${build.bytes} bytes)`);
}

let running = /** @type {Promise<void> | null} */ (null);
let pending = /** @type {string | null} */ (null);
let timer = /** @type {NodeJS.Timeout | undefined} */ (undefined);

/** Runs one rebuild at a time; changes during a rebuild cause exactly one more afterwards. */
function schedule(/** @type {string} */ reason) {
  if (running) {
    pending = reason;
    return;
  }
  running = rebuild(reason).finally(() => {
    running = null;
    if (pending) {
      const next = pending;
      pending = null;
      schedule(next);
    }
  });
}

try {
  await rebuild("initial build");
  const watcher = watch(specDir, { recursive: true }, (_event, file) => {
    if (!file || IGNORED.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => schedule(`spec/${file} changed`), DEBOUNCE_MS);
  });
  await serveDocs({ onStop: () => watcher.close() });
  console.log(`watching ${specDir} for changes (Ctrl-C stops)`);
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
