// `pnpm --filter docs build`: renders the spec into dist/index.html, working offline.
import { gzipSync } from "node:zlib";
import { buildDocs } from "./build-docs.mjs";
import { distDir } from "./serve-docs.mjs";

// Gzipped only here, for this line: the dev loop rebuilds on every save and needs only the size.
const { file, html, bytes } = await buildDocs(distDir);
console.log(`built ${file}: ${bytes} bytes, ${gzipSync(html).length} gzipped`);
