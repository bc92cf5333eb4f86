// Generates generated/schema.d.ts from the spec, with the API, lint rules and output path all read
// from the one redocly.yaml. Run by `build`; the drift test calls generateSchema() directly.
import { writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadConfig } from "@redocly/openapi-core";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";

const configPath = fileURLToPath(new URL("../../../redocly.yaml", import.meta.url));

/** The generated declaration file's text and where it belongs. */
export async function generateSchema() {
  const redocly = await loadConfig({ configPath });
  const api = redocly.apis.laml;
  if (!api) throw new Error(`${configPath} declares no 'laml' API; add it under 'apis:'.`);
  const root = new URL(api.root, pathToFileURL(configPath));
  const output = fileURLToPath(new URL(api["x-openapi-ts"].output, pathToFileURL(configPath)));
  // defaultNonNullable: false keeps fields with a documented default optional in requests.
  const ast = await openapiTS(root, { redocly, silent: true, defaultNonNullable: false });
  return { output, text: COMMENT_HEADER + astToString(ast) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { output, text } = await generateSchema();
  await writeFile(output, text);
  console.log(`generated ${output}`);
}
