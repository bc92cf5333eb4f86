import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeOffline } from "./make-offline.mjs";
import { renderRedoc } from "./render-redoc.mjs";

/**
 * Builds the offline docs page into `outDir/index.html` and returns it with its size. The page is
 * written next to its final name and renamed, so a server never sends a half-written file.
 */
export async function buildDocs(/** @type {string} */ outDir) {
  const html = makeOffline(await renderRedoc());
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, "index.html");
  await writeFile(`${file}.tmp`, html);
  await rename(`${file}.tmp`, file);
  return { file, html, bytes: Buffer.byteLength(html) };
}
