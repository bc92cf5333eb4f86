// `pnpm --filter docs start`: serves the built docs on 127.0.0.1 until Ctrl-C.
import { serveDocs } from "./serve-docs.mjs";

try {
  await serveDocs();
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
