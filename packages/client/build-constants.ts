import { readFileSync } from "node:fs";
import { apiBasePath, errorCodeFor, operation, parameter, webhooks } from "@laml/spec";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

// The largest PageSize the API takes, read from the spec rather than copied.
const pageSizeMax = parameter("listParticipants", "PageSize", "query").schema.maximum;
if (!Number.isInteger(pageSizeMax)) {
  throw new Error("The spec's listParticipants PageSize has no whole-number maximum; give its schema one.");
}

// The update fields that can be sent twice to the effect of once, marked in the spec with
// `x-laml-idempotent` (spec/README.md): an update sending only these is retried like a GET.
const updateFields = Object.entries(
  (operation("updateParticipant").requestBody?.content["application/x-www-form-urlencoded"]?.properties ??
    {}) as Record<string, Record<string, unknown>>,
);
if (!updateFields.length) {
  throw new Error(
    "The spec's updateParticipant has no form body properties; the client reads its update fields there.",
  );
}
const idempotentFields = updateFields.flatMap(([name, schema]) => {
  const idempotent = schema["x-laml-idempotent"];
  if (typeof idempotent !== "boolean") {
    throw new Error(
      `The spec's update field ${name} has no boolean x-laml-idempotent; say whether sending it twice is safe (spec/README.md).`,
    );
  }
  return idempotent ? [name] : [];
});

// The code of a 404, "not found": bulk moderation tells a participant who left from a failure by it.
// errorCodeFor fails the build, saying where to fix the spec, unless the spec lists exactly one.
const notFoundCode = errorCodeFor(404);

// The conference status callback's fields that are not text (booleans, integers), so that
// @laml/client/webhooks decodes exactly what the spec types, read from its webhook's form schema.
const callbackForm = webhooks.find((webhook) => webhook.name === "conferenceStatusCallback")?.requestBody?.content[
  "application/x-www-form-urlencoded"
] as { properties?: Record<string, { type?: string }> } | undefined;
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
  __LAML_API_BASE_PATH__: JSON.stringify(apiBasePath),
  __LAML_NOT_FOUND_CODE__: JSON.stringify(notFoundCode),
  // Strings of JSON, not an object: esbuild turns an object constant into a module that every
  // entry point imports, which would put webhooks code into the core entry.
  __LAML_IDEMPOTENT_UPDATE_FIELDS__: JSON.stringify(JSON.stringify(idempotentFields)),
  __LAML_CONFERENCE_EVENT_FIELD_TYPES__: JSON.stringify(JSON.stringify(callbackFieldTypes)),
};
