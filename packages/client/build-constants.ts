import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const readJson = (path: string | URL) => JSON.parse(readFileSync(path, "utf8"));

const { version } = readJson(new URL("./package.json", import.meta.url)) as { version: string };

// The largest PageSize the API takes, read from the spec's list operation rather than copied.
const spec = readJson(createRequire(import.meta.url).resolve("@laml/spec/openapi.json"));
const listParameters: Array<{ name: string; schema: { maximum?: number } }> =
  spec.paths["/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants"].get.parameters;
const pageSizeMax = listParameters.find((parameter) => parameter.name === "PageSize")?.schema.maximum;
if (!Number.isInteger(pageSizeMax)) throw new Error("The spec's list operation has no PageSize maximum.");

/** The constants replaced at build time in src/ (declared in src/build-constants.d.ts). */
export const define = {
  __LAML_CLIENT_VERSION__: JSON.stringify(version),
  __LAML_PAGE_SIZE_MAX__: JSON.stringify(pageSizeMax),
};
