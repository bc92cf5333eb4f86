import { readFileSync } from "node:fs";
import { apiBasePath, parameter } from "@laml/spec";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// The largest PageSize the API takes, read from the spec rather than copied.
const pageSizeMax = parameter("listParticipants", "PageSize", "query").schema.maximum;
if (!Number.isInteger(pageSizeMax)) {
  throw new Error("The spec's listParticipants PageSize has no whole-number maximum; give its schema one.");
}

/** The constants replaced at build time in src/ (declared in src/build-constants.d.ts). */
export const define = {
  __LAML_CLIENT_VERSION__: JSON.stringify(version),
  __LAML_PAGE_SIZE_MAX__: JSON.stringify(pageSizeMax),
  __LAML_API_BASE_PATH__: JSON.stringify(apiBasePath),
};
