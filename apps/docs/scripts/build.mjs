// `pnpm --filter docs build`: renders the spec into dist/index.html, working offline.
import { fileURLToPath } from "node:url";
import { buildDocs } from "./build-docs.mjs";

const { file, bytes, gzipped } = await buildDocs(fileURLToPath(new URL("../dist", import.meta.url)));
console.log(`built ${file}: ${bytes} bytes, ${gzipped} gzipped`);
