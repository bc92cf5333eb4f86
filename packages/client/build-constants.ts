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

// The conference status callback's fields that are not text (booleans, integers), so that
// @laml/client/webhooks decodes exactly what the spec types, read from its webhook's form schema.
const callbackForm =
  spec.webhooks?.conferenceStatusCallback?.post?.requestBody?.content?.["application/x-www-form-urlencoded"]?.schema;
if (!callbackForm?.properties) throw new Error("The spec has no conferenceStatusCallback webhook with a form schema.");
const callbackFieldTypes = Object.fromEntries(
  Object.entries<{ type?: string }>(callbackForm.properties).flatMap(([name, schema]) =>
    schema.type === "boolean" || schema.type === "integer" || schema.type === "number" ? [[name, schema.type]] : [],
  ),
);

/** The constants replaced at build time in src/ (declared in src/build-constants.d.ts). */
export const define = {
  __LAML_CLIENT_VERSION__: JSON.stringify(version),
  __LAML_PAGE_SIZE_MAX__: JSON.stringify(pageSizeMax),
  // A string of JSON, not an object: esbuild turns an object constant into a module that every
  // entry point imports, which would put webhooks code into the core entry.
  __LAML_CONFERENCE_EVENT_FIELD_TYPES__: JSON.stringify(JSON.stringify(callbackFieldTypes)),
};
