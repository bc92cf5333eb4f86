import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { operations } from "@laml/spec";
import { docsSpec } from "./docs-spec.mjs";

const run = promisify(execFile);
const docsDir = fileURLToPath(new URL("..", import.meta.url));
const config = join(docsDir, "../../redocly.yaml");
const redocly = join(docsDir, "node_modules/.bin/redocly");

/**
 * Redoc shows only the `x-codeSamples` whose label is one of its configured languages, so the
 * languages are the labels the spec uses (in the order it first uses them), plus Redoc's own
 * "Payload" tab for request bodies.
 */
function codeSampleLanguages() {
  const labels = new Map();
  for (const sample of operations.flatMap((operation) => operation.codeSamples)) {
    const label = sample.label ?? sample.lang;
    if (!labels.has(label)) labels.set(label, { lang: sample.lang, label });
  }
  return [...labels.values(), { lang: "Payload" }];
}

/**
 * Renders the spec as the docs show it (`docsSpec`) into one HTML page with Redoc's script
 * inlined, with the root redocly.yaml's settings.
 */
export async function renderRedoc() {
  const options = { codeSamples: { languages: codeSampleLanguages() } };
  const dir = await mkdtemp(join(tmpdir(), "laml-docs-"));
  const input = join(dir, "openapi.json");
  const output = join(dir, "index.html");
  try {
    await writeFile(input, JSON.stringify(docsSpec()));
    await run(
      redocly,
      ["build-docs", input, "--config", config, "--inlineBundle", `--openapi=${JSON.stringify(options)}`, "-o", output],
      // The update notice would ask the registry for the latest version; the docs build stays offline.
      { cwd: docsDir, env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" }, maxBuffer: 16 * 1024 * 1024 },
    );
    return await readFile(output, "utf8");
  } catch (error) {
    const { stdout = "", stderr = "" } = /** @type {{ stdout?: string, stderr?: string }} */ (error);
    throw new Error(`redocly build-docs failed:\n${stderr || stdout}`, { cause: error });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
